import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { mediaDir } from '../config/paths'

/** Marks files and folders that are still being written; never a final name. */
const TMP_MARK = '.tmp-'

/** Every released file once, by sha256: shared by all releases, never rewritten. */
export const assetPath = (sha256: string): string =>
  path.join(mediaDir('assets'), sha256.slice(0, 2), sha256)

export const releaseDir = (releaseId: string | number): string =>
  path.join(mediaDir('releases'), String(releaseId))

export const manifestFileName = (audience: string, locale: string) =>
  `${audience}.${locale}.manifest.json`
export const signatureFileName = (audience: string, locale: string) =>
  `${audience}.${locale}.manifest.sig.json`

export const bundleFileName = (audience: string, locale: string) =>
  `${audience}.${locale}.bundle.zip`

/**
 * Puts a file into the asset store unless it is already there, under a temporary name first.
 * Derived media is never changed in place, so it is hard-linked (no copy; deleting the source
 * later keeps the stored bytes); uploads, and anything across file systems, are copied.
 */
export async function storeAsset(sha256: string, source: string): Promise<void> {
  const target = assetPath(sha256)
  try {
    await fs.access(target)
    return
  } catch {
    // not stored yet
  }
  await fs.mkdir(path.dirname(target), { recursive: true })
  const tmp = `${target}${TMP_MARK}${randomBytes(4).toString('hex')}`
  if (source.startsWith(`${mediaDir('derived')}${path.sep}`)) {
    await fs.link(source, tmp).catch(() => fs.copyFile(source, tmp))
  } else {
    await fs.copyFile(source, tmp)
  }
  await fs.rename(tmp, target)
}

/** A private folder for files a build generates before they become assets (e.g. playlists). */
export async function makeScratchDir(releaseId: string | number): Promise<string> {
  const dir = path.join(
    mediaDir('releases'),
    `${TMP_MARK}${releaseId}-scratch-${randomBytes(4).toString('hex')}`,
  )
  await fs.mkdir(dir, { recursive: true })
  return dir
}

/**
 * Writes a release's files into a private folder and moves it into place in one rename, so a
 * crash leaves either nothing or the complete release. A leftover folder from an interrupted
 * build of the same release is replaced.
 */
export async function writeReleaseAtomically(
  releaseId: string | number,
  write: (dir: string) => Promise<void>,
): Promise<string> {
  const target = releaseDir(releaseId)
  const tmp = path.join(
    mediaDir('releases'),
    `${TMP_MARK}${releaseId}-${randomBytes(4).toString('hex')}`,
  )
  await fs.mkdir(tmp, { recursive: true })
  try {
    await write(tmp)
    await fs.rm(target, { recursive: true, force: true })
    await fs.rename(tmp, target)
    return target
  } finally {
    await fs.rm(tmp, { recursive: true, force: true })
  }
}

/**
 * Removes what a killed build left half-written: its private release folders, and asset copies
 * that never got their final name. Assets are shared by every build, so only temporary copies
 * older than `olderThanMs` go; a live build renames its copies within moments.
 */
export async function removeInterruptedWrites(
  releaseId: string | number,
  olderThanMs: number,
): Promise<number> {
  let removed = 0
  const releases = mediaDir('releases')
  for (const name of await fs.readdir(releases).catch(() => [] as string[])) {
    if (name.startsWith(`${TMP_MARK}${releaseId}-`)) {
      await fs.rm(path.join(releases, name), { recursive: true, force: true })
      removed += 1
    }
  }
  const cutoff = Date.now() - olderThanMs
  const assets = mediaDir('assets')
  for (const prefix of await fs.readdir(assets).catch(() => [] as string[])) {
    const dir = path.join(assets, prefix)
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!name.includes(TMP_MARK)) continue
      const file = path.join(dir, name)
      const stat = await fs.stat(file).catch(() => null)
      if (stat && stat.mtimeMs < cutoff) {
        await fs.rm(file, { force: true })
        removed += 1
      }
    }
  }
  return removed
}
