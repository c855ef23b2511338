import fs from 'node:fs/promises'
import path from 'node:path'

import { linkedAbort } from './abort'
import { downloadAsset, type DownloadContext } from './assetDownload'
import { isIntact } from './files'

export interface SyncAssetsInput extends Omit<DownloadContext, 'signal'> {
  /** sha256 → asset of the release, in the order to fetch them. */
  assets: [string, { bytes: number; file: string }][]
  assetDir: string
  concurrency: number
  signal?: AbortSignal
}

/**
 * Makes every asset present and verified in `assetDir`, `concurrency` at a time, reusing intact
 * files. One failure stops the rest: in-flight downloads are aborted (their .part files stay for
 * the next attempt) and the first error is what the caller sees.
 */
export async function syncAssets({
  assets,
  assetDir,
  concurrency,
  signal,
  ...download
}: SyncAssetsInput): Promise<{ downloaded: string[]; reused: string[] }> {
  const downloaded: string[] = []
  const reused: string[] = []
  const { controller, release } = linkedAbort(signal)
  const context: DownloadContext = { ...download, signal: controller.signal }
  let failure: unknown = null
  const queue = [...assets]

  const syncAsset = async (sha: string, size: number, name: string) => {
    const file = path.join(assetDir, name)
    if ((await isIntact(file, sha, size)) || (await reuseUnderOldName(assetDir, sha, size, file))) {
      reused.push(sha)
    } else {
      await downloadAsset(context, { sha, size, name }, file)
      downloaded.push(sha)
    }
    context.progress.assetDone(sha, size)
  }
  const worker = async () => {
    while (queue.length > 0 && !failure) {
      const [sha, asset] = queue.shift() as [string, { bytes: number; file: string }]
      try {
        await syncAsset(sha, asset.bytes, asset.file)
      } catch (error) {
        if (!failure) {
          failure = error
          controller.abort()
        }
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, assets.length) }, worker))
  } finally {
    release()
  }
  if (failure) throw failure
  return { downloaded, reused }
}

/**
 * A release of an older manifest version keeps files under their bare sha256; a newer one names
 * the same bytes `<sha256>.<ext>`. Linking saves downloading them again on a poor connection; the
 * old name is removed with the old release's files once the new one is in force.
 */
async function reuseUnderOldName(assetDir: string, sha: string, size: number, file: string) {
  const old = path.join(assetDir, sha)
  if (old === file || !(await isIntact(old, sha, size))) return false
  await fs.rm(file, { force: true })
  await fs.link(old, file).catch(() => fs.copyFile(old, file))
  return true
}
