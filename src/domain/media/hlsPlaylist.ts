export interface HlsVideoVariant {
  uri: string
  /** Peak bits per second, including audio */
  bandwidth: number
  averageBandwidth?: number
  width: number
  height: number
  frameRate?: number
  /** RFC 6381 codec list for video and audio, e.g. avc1.64001f,mp4a.40.2 */
  codecs: string
}

export interface HlsAudioRendition {
  uri: string
  name: string
  /** BCP 47 tag; omitted from the playlist when empty */
  language: string
  isDefault: boolean
}

export interface HlsSubtitleRendition {
  uri: string
  name: string
  /** BCP 47 tag; omitted from the playlist when empty */
  language: string
  isDefault: boolean
}

const AUDIO_GROUP = 'audio'
const SUBTITLE_GROUP = 'subs'

/**
 * Writes the multivariant (master) playlist by hand because the bundled ffmpeg 4.1 crashes when
 * asked to write one. Throws, naming the offending field, on input that would produce a playlist
 * players misread.
 */
export function buildMultivariantPlaylist(input: {
  variants: HlsVideoVariant[]
  audio: HlsAudioRendition[]
  subtitles: HlsSubtitleRendition[]
}): string {
  const { variants, audio, subtitles } = input
  if (variants.length === 0) throw new Error('variants: at least one video variant is needed.')

  const audioDefault = pickDefault(audio, 'audio', true)
  const subtitleDefault = pickDefault(subtitles, 'subtitles', false)
  requireUniqueNames(audio, 'audio')
  requireUniqueNames(subtitles, 'subtitles')

  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS']

  audio.forEach((rendition, index) => {
    const field = `audio[${index}]`
    lines.push(
      '#EXT-X-MEDIA:' +
        [
          'TYPE=AUDIO',
          `GROUP-ID=${quoted(AUDIO_GROUP, 'audio group id')}`,
          `NAME=${quoted(rendition.name, `${field}.name`, { nonEmpty: true })}`,
          ...languageAttribute(rendition.language, `${field}.language`),
          `DEFAULT=${index === audioDefault ? 'YES' : 'NO'}`,
          'AUTOSELECT=YES',
          `URI=${quoted(rendition.uri, `${field}.uri`, { nonEmpty: true })}`,
        ].join(','),
    )
  })

  subtitles.forEach((rendition, index) => {
    const field = `subtitles[${index}]`
    lines.push(
      '#EXT-X-MEDIA:' +
        [
          'TYPE=SUBTITLES',
          `GROUP-ID=${quoted(SUBTITLE_GROUP, 'subtitle group id')}`,
          `NAME=${quoted(rendition.name, `${field}.name`, { nonEmpty: true })}`,
          ...languageAttribute(rendition.language, `${field}.language`),
          `DEFAULT=${index === subtitleDefault ? 'YES' : 'NO'}`,
          'AUTOSELECT=YES',
          'FORCED=NO',
          `URI=${quoted(rendition.uri, `${field}.uri`, { nonEmpty: true })}`,
        ].join(','),
    )
  })

  variants.forEach((variant, index) => {
    const field = `variants[${index}]`
    const attributes = [`BANDWIDTH=${positiveInteger(variant.bandwidth, `${field}.bandwidth`)}`]
    if (variant.averageBandwidth !== undefined) {
      attributes.push(
        `AVERAGE-BANDWIDTH=${positiveInteger(variant.averageBandwidth, `${field}.averageBandwidth`)}`,
      )
    }
    attributes.push(
      `RESOLUTION=${positiveInteger(variant.width, `${field}.width`)}x${positiveInteger(variant.height, `${field}.height`)}`,
    )
    if (variant.frameRate !== undefined) {
      if (!Number.isFinite(variant.frameRate) || variant.frameRate <= 0) {
        throw new Error(`${field}.frameRate must be a positive number, not ${variant.frameRate}.`)
      }
      attributes.push(`FRAME-RATE=${variant.frameRate.toFixed(3)}`)
    }
    attributes.push(`CODECS=${quoted(variant.codecs, `${field}.codecs`, { nonEmpty: true })}`)
    // Naming a group with no renditions in it makes the playlist invalid, so only link real ones.
    if (audio.length > 0) attributes.push(`AUDIO=${quoted(AUDIO_GROUP, 'audio group id')}`)
    if (subtitles.length > 0) {
      attributes.push(`SUBTITLES=${quoted(SUBTITLE_GROUP, 'subtitle group id')}`)
    }
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`)
    lines.push(uriLine(variant.uri, `${field}.uri`))
  })

  return `${lines.join('\n')}\n`
}

/**
 * A VOD media playlist whose only segment is a whole WebVTT file: players need subtitles as an
 * HLS playlist, and captions are small enough that segmenting them buys nothing.
 */
export function buildSubtitlePlaylist(input: { uri: string; durationSeconds: number }): string {
  const { uri, durationSeconds } = input
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    throw new Error(`durationSeconds must be a positive number, not ${durationSeconds}.`)
  }
  // Round to the millisecond first so TARGETDURATION agrees with the EXTINF value written.
  const seconds = Math.round(durationSeconds * 1000) / 1000
  const target = Math.max(1, Math.ceil(seconds))
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${seconds.toFixed(3)},`,
    uriLine(uri, 'uri'),
    '#EXT-X-ENDLIST',
    '',
  ].join('\n')
}

/** Index of the DEFAULT=YES rendition, or -1 when none should be. */
function pickDefault(
  renditions: { isDefault: boolean }[],
  field: string,
  fallBackToFirst: boolean,
): number {
  const flagged = renditions.flatMap((rendition, index) => (rendition.isDefault ? [index] : []))
  if (flagged.length > 1) {
    throw new Error(
      `${field}: only one rendition may be the default, but ${flagged.map((i) => `${field}[${i}]`).join(' and ')} are.`,
    )
  }
  if (flagged.length === 1) return flagged[0]
  // Players need a default audio track to start playback; subtitles stay off unless asked for.
  return fallBackToFirst && renditions.length > 0 ? 0 : -1
}

function requireUniqueNames(renditions: { name: string }[], field: string): void {
  // RFC 8216 §4.3.4.1.1: players pick renditions within a group by NAME, so names must differ.
  const seen = new Map<string, number>()
  renditions.forEach((rendition, index) => {
    const first = seen.get(rendition.name)
    if (first !== undefined) {
      throw new Error(
        `${field}[${index}].name "${rendition.name}" is already used by ${field}[${first}]; names in a group must differ.`,
      )
    }
    seen.set(rendition.name, index)
  })
}

function languageAttribute(language: string, field: string): string[] {
  return language === '' ? [] : [`LANGUAGE=${quoted(language, field)}`]
}

/** An RFC 8216 quoted-string, which has no escape for double quotes or line breaks. */
function quoted(value: string, field: string, options: { nonEmpty?: boolean } = {}): string {
  if (options.nonEmpty && value.trim() === '') throw new Error(`${field} must not be empty.`)
  if (/["\r\n]/.test(value)) {
    throw new Error(
      `${field} contains a double quote or line break, which an HLS playlist cannot hold: ${JSON.stringify(value)}.`,
    )
  }
  return `"${value}"`
}

function uriLine(uri: string, field: string): string {
  if (uri.trim() === '') throw new Error(`${field} must not be empty.`)
  if (/[\r\n]/.test(uri)) {
    throw new Error(`${field} contains a line break: ${JSON.stringify(uri)}.`)
  }
  // A line starting with "#" is a tag or comment, and players trim surrounding whitespace unevenly.
  if (uri.startsWith('#') || uri !== uri.trim()) {
    throw new Error(
      `${field} must not start with "#" or have surrounding spaces: ${JSON.stringify(uri)}.`,
    )
  }
  return uri
}

function positiveInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${field} must be a positive whole number, not ${value}.`)
  }
  return value
}
