export type SniffedKind = 'video' | 'audio' | 'av-container' | 'image' | 'text' | 'unknown'

export interface Sniffed {
  /** Short machine name, e.g. mp4, webm, mp3, webvtt, text, empty, unknown */
  format: string
  mime: string
  kind: SniffedKind
  /** Human name for messages, e.g. MP4/QuickTime */
  label: string
}

/** How many leading bytes callers should read; every signature below fits in this. */
export const SNIFF_BYTES = 64

const MPEG_TS_PACKET = 188

function sniffed(format: string, mime: string, kind: SniffedKind, label: string): Sniffed {
  // Shared results are frozen so one caller cannot change what the next one sees.
  return Object.freeze({ format, mime, kind, label })
}

const EMPTY = sniffed('empty', 'application/octet-stream', 'unknown', 'empty file')
const UNKNOWN = sniffed(
  'unknown',
  'application/octet-stream',
  'unknown',
  'unrecognised binary data',
)

const MP4 = sniffed('mp4', 'video/mp4', 'av-container', 'MP4/QuickTime')
const MOV = sniffed('mov', 'video/quicktime', 'av-container', 'QuickTime MOV')
const M4A = sniffed('m4a', 'audio/mp4', 'audio', 'M4A audio')
const WEBM = sniffed('webm', 'video/webm', 'av-container', 'WebM')
const MKV = sniffed('mkv', 'video/x-matroska', 'av-container', 'Matroska (MKV)')
const AVI = sniffed('avi', 'video/x-msvideo', 'av-container', 'AVI')
const WAV = sniffed('wav', 'audio/wav', 'audio', 'WAV audio')
// Ogg may carry Theora video as well as Vorbis/Opus audio; ffprobe decides which later.
const OGG = sniffed('ogg', 'application/ogg', 'av-container', 'Ogg')
const FLAC = sniffed('flac', 'audio/flac', 'audio', 'FLAC audio')
const MP3 = sniffed('mp3', 'audio/mpeg', 'audio', 'MP3 audio')
const AAC = sniffed('aac', 'audio/aac', 'audio', 'AAC (ADTS) audio')
const MPEG_TS = sniffed('mpegts', 'video/mp2t', 'av-container', 'MPEG-TS')
const PNG = sniffed('png', 'image/png', 'image', 'PNG image')
const JPEG = sniffed('jpeg', 'image/jpeg', 'image', 'JPEG image')
const WEBP = sniffed('webp', 'image/webp', 'image', 'WebP image')
const GIF = sniffed('gif', 'image/gif', 'image', 'GIF image')
const AVIF = sniffed('avif', 'image/avif', 'image', 'AVIF image')
const HEIF = sniffed('heif', 'image/heif', 'image', 'HEIF/HEIC image')
const WEBVTT = sniffed('webvtt', 'text/vtt', 'text', 'WebVTT captions')
const TEXT = sniffed('text', 'text/plain', 'text', 'plain text')
const UTF16_TEXT = sniffed('utf16-text', 'text/plain; charset=utf-16', 'text', 'UTF-16 text')

const BRANDS = new Map<string, Sniffed>([
  ['isom', MP4],
  ['iso2', MP4],
  ['mp41', MP4],
  ['mp42', MP4],
  ['avc1', MP4],
  ['dash', MP4],
  ['M4V ', MP4],
  ['qt  ', MOV],
  ['M4A ', M4A],
  ['M4B ', M4A],
  ['avif', AVIF],
  ['avis', AVIF],
  ['heic', HEIF],
  ['heix', HEIF],
  ['mif1', HEIF],
  ['msf1', HEIF],
])

/**
 * Decides what a file really is from its first bytes. The name and the client's MIME type are
 * never consulted: both are whatever the uploader's machine claimed.
 */
export function sniffMedia(head: Uint8Array): Sniffed {
  if (head.length === 0) return EMPTY

  if (ascii(head, 4, 4) === 'ftyp') return sniffIsoBmff(head)
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // The DocType element sits in the EBML header, well within the first 64 bytes in practice.
    return indexOfAscii(head, 'webm') >= 0 ? WEBM : MKV
  }
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 4)
    if (form === 'AVI ') return AVI
    if (form === 'WAVE') return WAV
    if (form === 'WEBP') return WEBP
    return UNKNOWN
  }
  if (ascii(head, 0, 4) === 'OggS') return OGG
  if (ascii(head, 0, 4) === 'fLaC') return FLAC
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return GIF
  if (isId3Header(head)) return sniffAfterId3(head)
  // Byte order marks go before the MPEG audio check: FF FE also reads as an MPEG-1 layer I header.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return UTF16_TEXT
  if (isAdtsHeader(head, 0)) return AAC
  if (isMpegAudioFrame(head, 0)) return MP3
  if (isWebVtt(head)) return WEBVTT
  if (isMpegTs(head)) return MPEG_TS
  if (looksLikeText(head)) return TEXT
  if (looksLikeUtf16WithoutBom(head)) return UTF16_TEXT
  return UNKNOWN
}

/** ASCII saved as UTF-16 without a byte order mark: a zero byte beside every character. */
function looksLikeUtf16WithoutBom(head: Uint8Array): boolean {
  const pairs = Math.floor(head.length / 2)
  if (pairs < 4) return false
  let littleEndian = 0
  let bigEndian = 0
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i + 1] === 0 && head[i] >= 0x09 && head[i] < 0x7f) littleEndian++
    if (head[i] === 0 && head[i + 1] >= 0x09 && head[i + 1] < 0x7f) bigEndian++
  }
  return Math.max(littleEndian, bigEndian) >= pairs * 0.9
}

function sniffIsoBmff(head: Uint8Array): Sniffed {
  const major = BRANDS.get(ascii(head, 8, 4))
  if (major) return major
  // Unfamiliar major brands (iso5, 3gp4, f4v, ...) usually list a familiar compatible brand.
  const boxSize = readUint32(head, 0)
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : head.length)
  for (let offset = 16; offset + 4 <= end; offset += 4) {
    const compatible = BRANDS.get(ascii(head, offset, 4))
    if (compatible) return compatible
  }
  // Still an ISO BMFF file; ffprobe judges the streams inside.
  return MP4
}

function isId3Header(head: Uint8Array): boolean {
  // Major version 2–4 and syncsafe size bytes: a text file that happens to start "ID3" fails this.
  return (
    ascii(head, 0, 3) === 'ID3' &&
    head.length >= 10 &&
    head[3] >= 2 &&
    head[3] <= 4 &&
    head.subarray(6, 10).every((byte) => byte < 0x80)
  )
}

function sniffAfterId3(head: Uint8Array): Sniffed {
  // ID3v2 tags also prefix AAC and FLAC files; look past the tag when it fits in the head.
  const size =
    ((head[6] & 0x7f) << 21) | ((head[7] & 0x7f) << 14) | ((head[8] & 0x7f) << 7) | (head[9] & 0x7f)
  const hasFooter = (head[5] & 0x10) !== 0
  const end = 10 + size + (hasFooter ? 10 : 0)
  if (end + 4 <= head.length) {
    if (ascii(head, end, 4) === 'fLaC') return FLAC
    if (isAdtsHeader(head, end)) return AAC
  }
  return MP3
}

function isAdtsHeader(head: Uint8Array, offset: number): boolean {
  // 12-bit sync, then layer bits 00 (MPEG audio frames never use 00).
  return head.length >= offset + 2 && head[offset] === 0xff && (head[offset + 1] & 0xf6) === 0xf0
}

function isMpegAudioFrame(head: Uint8Array, offset: number): boolean {
  if (head.length < offset + 3 || head[offset] !== 0xff) return false
  const b1 = head[offset + 1]
  const b2 = head[offset + 2]
  if ((b1 & 0xe0) !== 0xe0) return false
  const version = (b1 >> 3) & 0x03
  const layer = (b1 >> 1) & 0x03
  const bitrate = b2 >> 4
  const sampleRate = (b2 >> 2) & 0x03
  // Reserved values: rejecting them keeps random 0xFF-led binary from passing as MP3.
  return version !== 0x01 && layer !== 0x00 && bitrate !== 0x0f && sampleRate !== 0x03
}

function isWebVtt(head: Uint8Array): boolean {
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0
  if (ascii(head, start, 6) !== 'WEBVTT') return false
  const next = head[start + 6]
  // "WEBVTT" must stand alone or be followed by a space, tab or line break ("WEBVTTX" is not a header).
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d
}

function isMpegTs(head: Uint8Array): boolean {
  if (head[0] !== 0x47 || head.length < 4) return false
  if (head.length > MPEG_TS_PACKET) return head[MPEG_TS_PACKET] === 0x47
  // With only one packet header to go on, 'G' could just be the start of a text file.
  const transportError = (head[1] & 0x80) !== 0
  const adaptationControl = (head[3] >> 4) & 0x03
  return !transportError && adaptationControl !== 0 && !looksLikeText(head)
}

function looksLikeText(head: Uint8Array): boolean {
  let i = 0
  while (i < head.length) {
    const byte = head[i]
    if (byte < 0x80) {
      // Tab, line feed, form feed and carriage return are the only controls seen in real text.
      if (
        (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) ||
        byte === 0x7f
      ) {
        return false
      }
      i += 1
      continue
    }
    const length = utf8SequenceLength(head, i)
    if (length === 0) {
      // The head may cut a multi-byte character in half; only then is a short tail fine.
      return head.length >= SNIFF_BYTES && isTruncatedUtf8Tail(head, i)
    }
    i += length
  }
  return true
}

/** Length of a well-formed UTF-8 sequence starting at i, or 0 when it is not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]
  let length: number
  let min: number
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    length = 2
    min = 0x80
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3
    min = 0x800
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4
    min = 0x10000
  } else {
    return 0
  }
  if (i + length > bytes.length) return 0
  let codePoint = b0 & (0xff >> (length + 1))
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k]
    if ((b & 0xc0) !== 0x80) return 0
    codePoint = (codePoint << 6) | (b & 0x3f)
  }
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff
  return codePoint < min || codePoint > 0x10ffff || surrogate ? 0 : length
}

function isTruncatedUtf8Tail(bytes: Uint8Array, i: number): boolean {
  const b0 = bytes[i]
  const expected =
    b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0
  if (expected === 0 || i + expected <= bytes.length) return false
  for (let k = i + 1; k < bytes.length; k++) {
    if ((bytes[k] & 0xc0) !== 0x80) return false
  }
  return true
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value)
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) return ''
  return String.fromCharCode(...bytes.subarray(offset, offset + length))
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) {
      if (bytes[i + k] !== needle.charCodeAt(k)) continue outer
    }
    return i
  }
  return -1
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] << 24) >>> 0) +
    (bytes[offset + 1] << 16) +
    (bytes[offset + 2] << 8) +
    bytes[offset + 3]
  )
}
