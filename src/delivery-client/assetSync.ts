import path from 'node:path'

import { linkedAbort } from './abort'
import { downloadAsset, type DownloadContext } from './assetDownload'
import { isIntact } from './files'

export interface SyncAssetsInput extends Omit<DownloadContext, 'signal'> {
  /** sha256 → asset of the release, in the order to fetch them. */
  assets: [string, { bytes: number }][]
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

  const syncAsset = async (sha: string, size: number) => {
    const file = path.join(assetDir, sha)
    if (await isIntact(file, sha, size)) {
      reused.push(sha)
    } else {
      await downloadAsset(context, sha, size, file)
      downloaded.push(sha)
    }
    context.progress.assetDone(sha, size)
  }
  const worker = async () => {
    while (queue.length > 0 && !failure) {
      const [sha, asset] = queue.shift() as [string, { bytes: number }]
      try {
        await syncAsset(sha, asset.bytes)
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
