/** A file a media job made: the content key it was built under, and its name in that folder. */
export interface DerivedRef {
  key: string
  file: string
}

const KEY = /^[0-9a-f]{64}$/

/** A derived build's content key: a sha256, in lower-case hex. */
export const isContentKey = (value: unknown): value is string =>
  typeof value === 'string' && KEY.test(value)

/** Where the admin is served derived media: `/api/media/derived/<key>/<file…>`. */
export const derivedUrlPath = (key: string, file: string): string =>
  `/api/media/derived/${key}/${file}`

export const derivedUrlOf = (ref: DerivedRef): string => derivedUrlPath(ref.key, ref.file)

/**
 * Every derived-media key a processing record names (renditions, posters, offline files, HLS,
 * a normalised voice), however nested: a key a document does not name is not its media.
 */
export function derivedKeysIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) derivedKeysIn(item, into)
  } else if (value !== null && typeof value === 'object') {
    const { key } = value as { key?: unknown }
    if (isContentKey(key)) into.add(key)
    for (const item of Object.values(value)) derivedKeysIn(item, into)
  }
  return into
}
