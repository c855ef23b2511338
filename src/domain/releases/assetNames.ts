/**
 * The names a release asset answers to under /api/delivery/assets/: its sha256, as manifests and
 * apps in the field use it, or its sha256 with the extension of its type, so players and tools
 * that go by the name (ffprobe, some HLS clients) know what they are reading.
 */
export const ASSET_EXTENSIONS: Readonly<Record<string, string>> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  vtt: 'text/vtt',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
}

/**
 * The file name a release gives an asset: `<sha256>.<ext>` for a type with an extension, so a
 * playlist's URIs, the delivery API's URLs and a bundle's `assets/` folder all say what each
 * file is; the bare sha256 for any other type.
 */
export function assetFileName(sha256: string, mime: string): string {
  const extension = Object.keys(ASSET_EXTENSIONS).find((ext) => ASSET_EXTENSIONS[ext] === mime)
  return extension ? `${sha256}.${extension}` : sha256
}

const ASSET_NAME = /^([0-9a-f]{64})(?:\.([a-z0-9]+))?$/

export type AssetName = { sha256: string; extension: string | null } | { problem: string }

/** Reads `<sha256>` or `<sha256>.<ext>`; anything else is a problem that says what to send. */
export function parseAssetName(name: string): AssetName {
  const match = ASSET_NAME.exec(name)
  const known = Object.keys(ASSET_EXTENSIONS).join(', ')
  if (!match)
    return {
      problem: `"${name}" is not an asset name: use its sha256 (64 lower-case hex digits), optionally with its extension (${known}).`,
    }
  const [, sha256, extension] = match
  if (extension !== undefined && !(extension in ASSET_EXTENSIONS))
    return { problem: `".${extension}" is not an asset extension: use one of ${known}.` }
  return { sha256, extension: extension ?? null }
}

/**
 * Why an asset of this type cannot be fetched under this extension, or null when it can (or the
 * name has none). Each type has exactly one extension, so a name never means two things.
 */
export function assetExtensionProblem(input: {
  sha256: string
  extension: string | null
  mime: string
}): string | null {
  const { sha256, extension, mime } = input
  if (extension === null || ASSET_EXTENSIONS[extension] === mime) return null
  const right = Object.keys(ASSET_EXTENSIONS).find((ext) => ASSET_EXTENSIONS[ext] === mime)
  return right
    ? `Asset ${sha256} is ${mime}: fetch it as ${sha256}.${right}, not .${extension}.`
    : `Asset ${sha256} is ${mime}, which has no extension: fetch it as ${sha256}.`
}
