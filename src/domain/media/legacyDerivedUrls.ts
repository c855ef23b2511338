import { derivedUrlPath, isContentKey } from './derivedRefs'

/**
 * Processing records written before media was named by key and file held admin URLs
 * (`/api/media/derived/<key>/<file>`) instead: `{ url }` beside or instead of `{ key, file }`,
 * an offline file's key as `sha256Key`, and poster sizes as URLs. These convert one way and the
 * other, for the migration that rewrites stored records; records already in the new form pass
 * through unchanged.
 */
const LEGACY_URL = /^\/api\/media\/derived\/([0-9a-f]{64})\/(.+)$/

type Json = unknown

export function refsFromLegacyUrls(value: Json): Json {
  if (Array.isArray(value)) return value.map(refsFromLegacyUrls)
  if (value === null || typeof value !== 'object') return value
  const url = (value as { url?: unknown }).url
  const match = typeof url === 'string' ? LEGACY_URL.exec(url) : null
  const out: Record<string, Json> = {}
  for (const [name, inner] of Object.entries(value)) {
    if ((name === 'url' && match) || name === 'sha256Key') continue
    out[name] =
      name === 'sizes' && inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).map(([size, url]) => [size, fileOf(url)]))
        : refsFromLegacyUrls(inner)
  }
  if (match) {
    out.key = match[1]
    out.file = match[2]
  }
  return out
}

export function legacyUrlsFromRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(legacyUrlsFromRefs)
  if (value === null || typeof value !== 'object') return value
  const { key, file } = value as { key?: unknown; file?: unknown }
  const out: Record<string, Json> = {}
  for (const [name, inner] of Object.entries(value)) {
    out[name] =
      name === 'sizes' && typeof key === 'string' && inner !== null && typeof inner === 'object'
        ? Object.fromEntries(
            Object.entries(inner).map(([size, name]) => [size, derivedUrlPath(key, String(name))]),
          )
        : legacyUrlsFromRefs(inner)
  }
  if (!isContentKey(key) || typeof file !== 'string') return out
  out.url = derivedUrlPath(key, file)
  if ('accentTag' in value) {
    // Offline files named their key sha256Key and had no file name.
    out.sha256Key = key
    delete out.key
    delete out.file
  }
  if ('sizes' in value) {
    // The poster was `{ url, sizes }` only.
    delete out.key
    delete out.file
  }
  return out
}

const fileOf = (url: unknown): Json =>
  typeof url === 'string' ? (LEGACY_URL.exec(url)?.[2] ?? url) : url
