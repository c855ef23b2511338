/**
 * Just enough of an HLS multivariant playlist to plan a low-data download: which media
 * playlists belong to which picture size. Release playlists name files by sha256 (and extension),
 * relatively.
 */
export interface HlsVariant {
  uri: string
  height: number | null
  bandwidth: number
}

export interface HlsRendition {
  type: string
  uri: string | null
  language: string | null
  name: string | null
}

function attribute(line: string, name: string): string | null {
  const match = new RegExp(`[:,]${name}=(?:"([^"]*)"|([^,]*))`).exec(line)
  return match ? (match[1] ?? match[2]) : null
}

export function parseMultivariant(text: string): {
  variants: HlsVariant[]
  renditions: HlsRendition[]
} {
  const lines = text.split('\n').map((line) => line.trim())
  const variants: HlsVariant[] = []
  const renditions: HlsRendition[] = []
  lines.forEach((line, i) => {
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      const uri = lines.slice(i + 1).find((next) => next !== '' && !next.startsWith('#'))
      const resolution = attribute(line, 'RESOLUTION')
      const height = resolution ? Number(resolution.split('x')[1]) : NaN
      if (uri)
        variants.push({
          uri,
          height: Number.isFinite(height) ? height : null,
          bandwidth: Number(attribute(line, 'BANDWIDTH') ?? 0),
        })
    } else if (line.startsWith('#EXT-X-MEDIA:')) {
      renditions.push({
        type: attribute(line, 'TYPE') ?? '',
        uri: attribute(line, 'URI'),
        language: attribute(line, 'LANGUAGE'),
        name: attribute(line, 'NAME'),
      })
    }
  })
  return { variants, renditions }
}

/**
 * The sha256 of the release file a playlist URI names: its last path segment, without a query
 * or the extension a release gives the names of typed files.
 */
export const shaOfUri = (uri: string) => (uri.split('/').pop() ?? uri).split('?')[0].split('.')[0]

/** The files a media playlist names: segment lines and URI="…" attributes (init segments). */
export function mediaPlaylistFiles(text: string): string[] {
  const files: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    if (!line.startsWith('#')) files.push(line)
    else {
      const uri = /URI="([^"]*)"/.exec(line)?.[1]
      if (uri) files.push(uri)
    }
  }
  return files
}

/** The picture height the low-data setting plays. */
export const LOW_DATA_HEIGHT = 360

/**
 * Which of several picture sizes a low-data device plays: the tallest at or under 360 lines,
 * else the smallest; of equal heights, the lowest bitrate. The download plan and the playing
 * engine both choose with this, so the device plays exactly what it downloaded.
 */
export function lowDataIndex(
  options: readonly { height?: number | null; bandwidth?: number }[],
): number {
  const better = (a: number, b: number, preferTaller: boolean) => {
    const ha = options[a].height ?? 0
    const hb = options[b].height ?? 0
    if (ha !== hb) return preferTaller ? ha > hb : ha < hb
    return (options[a].bandwidth ?? 0) < (options[b].bandwidth ?? 0)
  }
  let fitting = -1
  let smallest = -1
  options.forEach((option, i) => {
    if (smallest < 0 || better(i, smallest, false)) smallest = i
    if ((option.height ?? 0) <= LOW_DATA_HEIGHT && (fitting < 0 || better(i, fitting, true)))
      fitting = i
  })
  return fitting >= 0 ? fitting : smallest
}

export function lowDataVariant(variants: readonly HlsVariant[]): HlsVariant | null {
  return variants[lowDataIndex(variants)] ?? null
}

/** The hls.js level a low-data device plays (levels carry `bitrate` for the bandwidth). */
export function lowDataLevel(levels: readonly { height?: number; bitrate?: number }[]): number {
  return lowDataIndex(levels.map((level) => ({ height: level.height, bandwidth: level.bitrate })))
}
