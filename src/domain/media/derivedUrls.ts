/** Where derived media is served: `/api/media/derived/<key>/<file…>`, key a sha256. */
const DERIVED_PREFIX = '/api/media/derived/'
const KEY_IN_URL = /^\/api\/media\/derived\/([0-9a-f]{64})\//

export const derivedUrlPath = (key: string, file: string): string =>
  `${DERIVED_PREFIX}${key}/${file}`

/**
 * Every derived-media key a processing record points at. Records keep the URLs the admin plays
 * (renditions, posters, offline files, HLS), so a key a document does not name is not its media.
 */
export function derivedKeysIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    const match = KEY_IN_URL.exec(value)
    if (match) into.add(match[1])
  } else if (Array.isArray(value)) {
    for (const item of value) derivedKeysIn(item, into)
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) derivedKeysIn(item, into)
  }
  return into
}

/** The key and file a derived-media URL names, or null for any other text. */
export function derivedFileOfUrl(url: unknown): { key: string; file: string } | null {
  if (typeof url !== 'string') return null
  const match = /^\/api\/media\/derived\/([0-9a-f]{64})\/(.+)$/.exec(url)
  return match ? { key: match[1], file: match[2] } : null
}
