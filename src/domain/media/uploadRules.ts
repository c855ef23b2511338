export type MediaCollection =
  'animations' | 'voice-tracks' | 'voice-comments' | 'captions' | 'images'

/** The collections whose uploads ffprobe must read: audio or video. */
export const PROBED_COLLECTIONS = ['animations', 'voice-tracks', 'voice-comments'] as const
export type ProbedCollection = (typeof PROBED_COLLECTIONS)[number]

export const isProbedCollection = (collection: MediaCollection): collection is ProbedCollection =>
  (PROBED_COLLECTIONS as readonly string[]).includes(collection)

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

export const DEFAULT_SIZE_LIMITS: Record<MediaCollection, number> = {
  animations: GiB,
  'voice-tracks': 200 * MiB,
  // Ten minutes of the browser's Opus at 128 kbit/s is under 10 MiB.
  'voice-comments': 20 * MiB,
  captions: MiB,
  images: 20 * MiB,
}

const COLLECTION_NAMES: Record<MediaCollection, string> = {
  animations: 'animations',
  'voice-tracks': 'voice tracks',
  'voice-comments': 'voice comments',
  captions: 'captions',
  images: 'images',
}

const MAX_NAME_BYTES = 255

const EMPTY_FILE = 'The file is empty (0 bytes).'

const UNITS = ['B', 'KiB', 'MiB', 'GiB'] as const

/** Binary units with at most one decimal, e.g. 1536 → "1.5 KiB", 1048576 → "1 MiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) {
    throw new RangeError(`formatBytes needs a non-negative finite number of bytes, not ${bytes}.`)
  }
  let unit = 0
  let value = bytes
  while (unit < UNITS.length - 1 && value >= 1024) {
    value /= 1024
    unit += 1
  }
  if (unit === 0) return `${Math.round(value)} B`
  let rounded = Math.round(value * 10) / 10
  // 1048575 B is 1023.999 KiB, which would round to "1024 KiB"; say "1 MiB" instead.
  if (rounded >= 1024 && unit < UNITS.length - 1) {
    rounded = Math.round((rounded / 1024) * 10) / 10
    unit += 1
  }
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} ${UNITS[unit]}`
}

/**
 * Null when the name is safe to store and serve; otherwise why not. Names travel into paths,
 * Content-Disposition headers and ffmpeg arguments, so anything that could change their meaning
 * there is refused rather than silently rewritten.
 */
export function checkFileName(name: string): string | null {
  if (name.length === 0) return 'The file name is empty.'
  const control = [...name].find(isControlCharacter)
  if (control !== undefined) {
    return `The file name ${quoteName(name)} contains a control character (${codePointLabel(control)}); rename the file without it.`
  }
  if (name.includes('/') || name.includes('\\')) {
    return `The file name ${quoteName(name)} contains a slash ("/" or "\\"); a file name cannot include a folder path.`
  }
  if (name === '.' || name === '..') {
    return `The file name ${quoteName(name)} is not allowed: it means a folder, not a file.`
  }
  if (/^[. ]+$/.test(name)) {
    return `The file name ${quoteName(name)} is only dots and spaces; give the file a real name.`
  }
  const bytes = utf8Length(name)
  if (bytes > MAX_NAME_BYTES) {
    return `The file name ${quoteName(name)} is ${bytes} bytes long in UTF-8; the limit is ${MAX_NAME_BYTES} bytes.`
  }
  return null
}

export function checkSize(input: {
  collection: MediaCollection
  bytes: number
  limit?: number
}): string | null {
  const { collection, bytes } = input
  const limit = input.limit ?? DEFAULT_SIZE_LIMITS[collection]
  if (!Number.isFinite(bytes) || bytes < 0) {
    throw new RangeError(`checkSize needs a non-negative finite size, not ${bytes}.`)
  }
  if (!Number.isFinite(limit) || limit <= 0) {
    throw new RangeError(`checkSize needs a positive finite limit, not ${limit}.`)
  }
  if (bytes === 0) return EMPTY_FILE
  if (bytes <= limit) return null
  const size = formatBytes(bytes)
  const max = formatBytes(limit)
  const name = COLLECTION_NAMES[collection]
  if (size === max) {
    // "The file is 1 GiB; the limit is 1 GiB" would read as a bug, so show exact byte counts.
    return `The file is ${groupDigits(bytes)} bytes; the limit for ${name} is ${groupDigits(limit)} bytes (${max}).`
  }
  return `The file is ${size}; the limit for ${name} is ${max}.`
}

interface SniffedSummary {
  format: string
  kind: string
  label: string
}

const ANIMATION_FORMATS = new Set(['mp4', 'mov', 'webm', 'mkv', 'avi', 'ogg', 'mpegts'])
const IMAGE_FORMATS = new Set(['png', 'jpeg', 'webp'])

/** Phrases with the right article, for "is really …" messages. */
const FORMAT_PHRASES: Record<string, string> = {
  mp4: 'an MP4 file',
  mov: 'a QuickTime (MOV) file',
  m4a: 'an M4A audio file',
  webm: 'a WebM file',
  mkv: 'a Matroska (MKV) file',
  avi: 'an AVI file',
  ogg: 'an Ogg file',
  mpegts: 'an MPEG-TS file',
  mp3: 'an MP3 audio file',
  aac: 'an AAC audio file',
  wav: 'a WAV audio file',
  flac: 'a FLAC audio file',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  webp: 'a WebP image',
  gif: 'a GIF image',
  avif: 'an AVIF image',
  heif: 'a HEIF/HEIC image',
  webvtt: 'a WebVTT caption file',
  text: 'plain text',
  'utf16-text': 'UTF-16 text',
}

const NEEDS: Record<MediaCollection, { what: string; advice: string }> = {
  animations: { what: 'a video file', advice: 'Upload an MP4, MOV, WebM or MKV animation.' },
  'voice-tracks': {
    what: 'an audio file',
    advice: 'Upload an MP3, M4A, WAV, FLAC, AAC or Ogg voice track.',
  },
  'voice-comments': {
    what: 'a sound recording',
    advice: 'Record the comment again, or upload a WebM, Ogg, M4A, MP3 or WAV recording.',
  },
  captions: {
    what: 'a WebVTT caption file',
    advice: 'Upload a WebVTT (.vtt) file whose first line starts with "WEBVTT".',
  },
  images: { what: 'a PNG, JPEG or WebP image', advice: 'Upload a PNG, JPEG or WebP image.' },
}

/**
 * Null when the sniffed bytes suit the collection. Only the container is judged here: whether an
 * MP4 really holds usable video is for checkProbedStreams once ffprobe has looked inside.
 */
export function checkSniffedType(input: {
  collection: MediaCollection
  sniffed: SniffedSummary
  fileName: string
}): string | null {
  const { collection, sniffed, fileName } = input
  if (sniffed.format === 'empty') return EMPTY_FILE
  if (accepts(collection, sniffed)) return null

  const name = quoteName(fileName)
  const { what, advice } = NEEDS[collection]
  if (collection === 'captions' && sniffed.format === 'text') {
    return `${name} is plain text but does not start with "WEBVTT", so it is not a WebVTT caption file. Caption files must start with "WEBVTT" on the first line (SRT files need converting to WebVTT).`
  }
  if (collection === 'captions' && sniffed.format === 'utf16-text') {
    return `${name} is saved as UTF-16 text; WebVTT caption files must be saved as UTF-8 and start with "WEBVTT".`
  }
  if (sniffed.format === 'unknown') {
    return `${name} is not a recognised media file (its first bytes match no known format), not ${what}. ${advice}`
  }
  const phrase = FORMAT_PHRASES[sniffed.format] ?? `${sniffed.label} data`
  return `${name} is really ${phrase}, not ${what}. ${advice}`
}

function accepts(collection: MediaCollection, sniffed: SniffedSummary): boolean {
  switch (collection) {
    case 'animations':
      return ANIMATION_FORMATS.has(sniffed.format)
    case 'voice-tracks':
    case 'voice-comments':
      // An M4A exported with a generic "isom" brand sniffs as an MP4 container, and a browser's
      // recording as WebM; ffprobe decides.
      return sniffed.kind === 'audio' || sniffed.kind === 'av-container'
    case 'captions':
      return sniffed.format === 'webvtt'
    case 'images':
      return IMAGE_FORMATS.has(sniffed.format)
  }
}

export interface ProbedStream {
  codecType: 'video' | 'audio' | string
  codecName: string
}

const VIDEO_CODECS = new Map([
  ['h264', 'H.264'],
  ['hevc', 'HEVC (H.265)'],
  ['vp9', 'VP9'],
  ['av1', 'AV1'],
  ['prores', 'ProRes'],
])

const VIDEO_CODEC_LIST = 'H.264, HEVC (H.265), VP9, AV1 or ProRes'

/** Null when ffprobe's view of the file suits the collection; otherwise why not. */
/** A voice comment is a remark on a line, not a recording session. */
export const VOICE_COMMENT_MAX_MS = 10 * 60_000

export function checkProbedStreams(input: {
  collection: ProbedCollection
  streams: ProbedStream[]
  durationMs: number | null
}): string | null {
  const { collection, streams, durationMs } = input
  const video = streams.filter((s) => s.codecType === 'video')
  const audio = streams.filter((s) => s.codecType === 'audio')

  if (collection === 'animations') {
    if (video.length === 0) {
      return audio.length > 0
        ? `The file has no video stream: it looks like audio only. Animations need a video stream encoded as ${VIDEO_CODEC_LIST}.`
        : `The file has no video or audio stream. Animations need a video stream encoded as ${VIDEO_CODEC_LIST}.`
    }
    if (!video.some((s) => VIDEO_CODECS.has(s.codecName.toLowerCase()))) {
      const found = [...new Set(video.map((s) => s.codecName || 'unknown'))].join(', ')
      return `The video is encoded as ${found}; animations must be encoded as ${VIDEO_CODEC_LIST}. Re-export the animation with one of those codecs.`
    }
  } else if (collection === 'voice-comments') {
    // A camera's picture would show the co-producer's face to everyone on the script.
    if (video.length > 0) {
      return 'The recording has a picture as well as sound. A voice comment must be sound only: record it again with the microphone alone.'
    }
    if (audio.length === 0) return 'The recording has no sound in it. Record the comment again.'
  } else if (audio.length === 0) {
    return video.length > 0
      ? 'The file has no audio stream: it looks like video only. Voice tracks need an audio stream.'
      : 'The file has no audio stream. Voice tracks need an audio stream.'
  }

  // NaN, negative and infinite durations are as unusable as zero: nothing can be timed against them.
  if (durationMs === null || !Number.isFinite(durationMs) || durationMs <= 0) {
    return 'The file has zero duration: it may be truncated or still being written. Export it again and re-upload.'
  }
  if (collection === 'voice-comments' && durationMs > VOICE_COMMENT_MAX_MS) {
    return `The recording is ${formatMinutes(durationMs)} long; a voice comment can be at most ${formatMinutes(VOICE_COMMENT_MAX_MS)}. Say the main point in a shorter recording, or split it into two comments.`
  }
  return null
}

/** "2 min 5 s", "10 min", "45 s". */
function formatMinutes(ms: number): string {
  const total = Math.round(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  if (minutes === 0) return `${seconds} s`
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`
}

function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return code <= 0x1f || code === 0x7f
}

function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

const QUOTE_DISPLAY_LIMIT = 80

/** Quotes a name for a message, showing control characters as \uXXXX so they are visible. */
function quoteName(name: string): string {
  const chars = [...name]
  const shown =
    chars.length > QUOTE_DISPLAY_LIMIT ? [...chars.slice(0, QUOTE_DISPLAY_LIMIT), '…'] : chars
  const escaped = shown
    .map((char) =>
      isControlCharacter(char)
        ? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
        : char,
    )
    .join('')
  return `"${escaped}"`
}

function utf8Length(text: string): number {
  let bytes = 0
  // Iterating by code point counts a surrogate pair once (4 bytes); a lone surrogate is 3, like U+FFFD.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
