import {
  ASSETS_AREA,
  assetKey,
  type MediaKey,
  RELEASES_AREA,
  releaseKey,
} from '../../domain/storage/mediaKeys'
import { mediaStore } from '../storage/store'

export const manifestFileName = (audience: string, locale: string) =>
  `${audience}.${locale}.manifest.json`
export const signatureFileName = (audience: string, locale: string) =>
  `${audience}.${locale}.manifest.sig.json`

export const bundleFileName = (audience: string, locale: string) =>
  `${audience}.${locale}.bundle.zip`

/** The name a staff download gives the printable worksheets (stored as an asset, by hash). */
export const printableFileName = (audience: string, locale: string) =>
  `${audience}.${locale}.worksheets.pdf`

/**
 * Puts a stored file, or bytes a build made, into the asset store under their sha256, unless
 * they are already there. Content-addressed: what is stored under a hash is never rewritten.
 */
export async function storeAsset(
  sha256: string,
  source: { key: MediaKey } | { bytes: Uint8Array },
): Promise<void> {
  const store = mediaStore()
  const target = assetKey(sha256)
  if ('key' in source) return store.copy(source.key, target)
  if (!(await store.stat(target))) await store.put(target, source)
}

/**
 * Writes a release's files into a staged folder and puts it into place in one step, so a crash
 * leaves either nothing or the complete release. A leftover folder from an interrupted build of
 * the same release is replaced.
 */
export async function writeReleaseAtomically(
  releaseId: string | number,
  write: (dir: string) => Promise<void>,
): Promise<void> {
  const store = mediaStore()
  const staged = await store.stage(RELEASES_AREA, String(releaseId))
  try {
    await write(staged.dir)
    await store.putFolder(staged, releaseKey(releaseId), { replace: true })
  } finally {
    await staged.discard()
  }
}

/**
 * Removes what a killed build left half-written: its staged release folders, and asset copies
 * that never got their final name. Assets are shared by every build, so only copies quiet for
 * `olderThanMs` go; a live build finishes its copies within moments.
 */
export async function removeInterruptedWrites(
  releaseId: string | number,
  olderThanMs: number,
): Promise<number> {
  const store = mediaStore()
  return (
    (await store.removeLeftovers(RELEASES_AREA, { label: String(releaseId), quietForMs: 0 })) +
    (await store.removeLeftovers(ASSETS_AREA, { quietForMs: olderThanMs }))
  )
}
