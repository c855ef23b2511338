/**
 * Names of objects in the media store: '/'-separated paths from the store's root, the same on
 * local disk and in a bucket. Each area has one owner:
 * - `<collection>/<filename>`: uploads, written by Payload;
 * - `derived/<2 hex>/<key>/<file…>`: what media jobs make, by content key, never rewritten;
 * - `assets/<2 hex>/<sha256>`: every released file once, by the sha256 of its bytes;
 * - `releases/<id>/<file>`: a release's manifests, signatures and bundles.
 */
export type MediaKey = string

export const DERIVED_AREA = 'derived'
export const ASSETS_AREA = 'assets'
export const RELEASES_AREA = 'releases'

/** Areas whose objects never change once written, so a copy may share their bytes. */
export const IMMUTABLE_AREAS: readonly string[] = [DERIVED_AREA, ASSETS_AREA]

const SAFE_SEGMENT = /^(?!\.\.?$)[^/\\\0]+$/

/** True for a key a store may resolve: relative, no empty, `.` or `..` segments. */
export function isSafeKey(key: string): boolean {
  return key.length > 0 && key.split('/').every((segment) => SAFE_SEGMENT.test(segment))
}

export const uploadKey = (collection: string, filename: string): MediaKey =>
  `${collection}/${filename}`

/** A derived build's folder, or a file in it (`file` may name a sub-folder, e.g. `hls/a.ts`). */
export const derivedKey = (key: string, file?: string): MediaKey =>
  `${DERIVED_AREA}/${key.slice(0, 2)}/${key}${file ? `/${file}` : ''}`

export const assetKey = (sha256: string): MediaKey =>
  `${ASSETS_AREA}/${sha256.slice(0, 2)}/${sha256}`

export const releaseKey = (releaseId: string | number, file?: string): MediaKey =>
  `${RELEASES_AREA}/${String(releaseId)}${file ? `/${file}` : ''}`

/** The folder a key is in: `a/b/c` → `a/b`; a key at the root has none. */
export function parentKey(key: MediaKey): MediaKey | null {
  const slash = key.lastIndexOf('/')
  return slash > 0 ? key.slice(0, slash) : null
}

/**
 * A playlist's relative URI, resolved against the key of the playlist that names it; null for an
 * absolute URI or one that climbs out of the store.
 */
export function resolveRelativeKey(base: MediaKey, uri: string): MediaKey | null {
  if (uri.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(uri)) return null
  const segments = (parentKey(base) ?? '').split('/').filter(Boolean)
  for (const part of uri.split('/')) {
    if (part === '..') {
      if (segments.length === 0) return null
      segments.pop()
    } else if (part !== '.' && part !== '') segments.push(part)
  }
  const key = segments.join('/')
  return isSafeKey(key) ? key : null
}
