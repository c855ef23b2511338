/** Caption bytes to text, or the first reason they are not a WebVTT text file. */
import type { CaptionIssue } from './captionBasics'

type Decoded = { text: string } | { problem: CaptionIssue }

const EMPTY_FILE = 'the file is empty; a caption file starts with "WEBVTT" followed by its cues'
const NOT_TEXT = 'not a WebVTT text file'

export function decodeCaptionText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { problem: { line: 1, message: EMPTY_FILE } }
  if (hasUtf16Bom(bytes) || looksLikeUtf16(bytes)) {
    return { problem: { line: 1, message: 'the file is UTF-16; save it as UTF-8' } }
  }
  if (looksBinary(bytes)) return { problem: { line: 1, message: NOT_TEXT } }

  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { problem: notUtf8Issue(bytes) }
  }
  if (text.trim() === '') return { problem: { line: 1, message: EMPTY_FILE } }
  return { text }
}

const hasUtf16Bom = (bytes: Uint8Array) =>
  bytes.length >= 2 &&
  ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))

/** UTF-16 saved without a BOM: mostly-ASCII text has a zero in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024)
  if (sample.length < 4) return false
  let evenZeros = 0
  let oddZeros = 0
  sample.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) evenZeros++
      else oddZeros++
    }
  })
  const pairs = Math.floor(sample.length / 2)
  return (
    (oddZeros >= pairs * 0.8 && evenZeros === 0) || (evenZeros >= pairs * 0.8 && oddZeros === 0)
  )
}

/**
 * Text in any encoding has no NUL bytes and almost no other control characters; images, video
 * and archives have plenty. Invalid UTF-8 alone is not a sign: it is usually Latin-1 text.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true
  const sample = bytes.subarray(0, 65_536)
  let controls = 0
  for (const byte of sample) if (isControlByte(byte)) controls++
  return controls > sample.length * 0.05
}

// Tab, line feed, form feed and carriage return are legitimate in text.
const isControlByte = (byte: number) =>
  (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f

function notUtf8Issue(bytes: Uint8Array): CaptionIssue {
  const offset = firstInvalidUtf8Offset(bytes)
  if (offset < 0) return { line: 1, message: 'the file is not UTF-8 text; save it as UTF-8' }
  const hex = bytes[offset].toString(16).toUpperCase().padStart(2, '0')
  return {
    line: lineOfByte(bytes, offset),
    message: `the file is not UTF-8 text (byte 0x${hex} at offset ${offset}); save it as UTF-8`,
  }
}

/** Offset of the byte that starts the first malformed sequence, or -1 if the bytes are valid. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]
    if (lead < 0x80) {
      index++
      continue
    }
    const rule = continuationRule(lead)
    if (!rule || !hasContinuation(bytes, index, rule)) return index
    index += rule.count + 1
  }
  return -1
}

interface ContinuationRule {
  count: number
  // The second byte's range is narrower for some leads, which rules out overlong forms,
  // UTF-16 surrogates and code points above U+10FFFF.
  secondMin: number
  secondMax: number
}

function continuationRule(lead: number): ContinuationRule | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { count: 1, secondMin: 0x80, secondMax: 0xbf }
  if (lead === 0xe0) return { count: 2, secondMin: 0xa0, secondMax: 0xbf }
  if (lead === 0xed) return { count: 2, secondMin: 0x80, secondMax: 0x9f }
  if (lead >= 0xe1 && lead <= 0xef) return { count: 2, secondMin: 0x80, secondMax: 0xbf }
  if (lead === 0xf0) return { count: 3, secondMin: 0x90, secondMax: 0xbf }
  if (lead >= 0xf1 && lead <= 0xf3) return { count: 3, secondMin: 0x80, secondMax: 0xbf }
  if (lead === 0xf4) return { count: 3, secondMin: 0x80, secondMax: 0x8f }
  return null
}

function hasContinuation(bytes: Uint8Array, leadIndex: number, rule: ContinuationRule): boolean {
  for (let k = 1; k <= rule.count; k++) {
    const byte = bytes[leadIndex + k]
    if (byte === undefined) return false
    const [min, max] = k === 1 ? [rule.secondMin, rule.secondMax] : [0x80, 0xbf]
    if (byte < min || byte > max) return false
  }
  return true
}

/** Counts line breaks the way the parser does (CRLF, CR or LF) so the number matches. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++
  }
  return line
}
