// webvtt-parser is CommonJS that attaches its exports at run time, so Node's ESM loader (used by
// tsx in the Payload CLI) cannot see named exports; the default import works everywhere.
import webvtt from 'webvtt-parser'
import type {
  Cue,
  Entity,
  Error as ParserError,
  TreeNode,
  TreeNodeObjectTagNameWithRt,
} from 'webvtt-parser'

const { WebVTTCueTextParser, WebVTTCueTimingsAndSettingsParser, WebVTTParser } = webvtt

export interface CaptionIssue {
  /** 1-based line in the caption file. */
  line: number
  message: string
}

export interface CaptionCheckResult {
  errors: CaptionIssue[]
  warnings: CaptionIssue[]
  cueCount: number
  lastCueEndMs: number | null
}

/** Broadcast-style limits, so captions stay readable for viewers who read slowly. */
export const CAPTION_LIMITS = {
  maxLinesPerCue: 2,
  maxCharsPerLine: 42,
  maxCharsPerSecond: 17,
} as const

/**
 * Checks an uploaded WebVTT caption file. Errors make the file unusable (or wrong for the clip);
 * warnings are readability problems. Every issue carries the 1-based line of the file to fix.
 */
export function validateVtt(input: {
  bytes: Uint8Array
  durationMs?: number | null
}): CaptionCheckResult {
  const decoded = decodeCaptionText(input.bytes)
  if ('problem' in decoded) return onlyError(decoded.problem)

  const lines = decoded.text.split(LINE_BREAK)
  const parsed = new WebVTTParser(ENTITIES).parse(decoded.text, 'subtitles')
  const located = locateCues(parsed.cues, lines)

  const errors = parserIssues(parsed.errors, located, lines)
  const warnings: CaptionIssue[] = []
  checkCues(located, input.durationMs, errors, warnings)

  return {
    errors: sortByLine(errors),
    warnings: sortByLine(warnings),
    cueCount: parsed.cues.length,
    lastCueEndMs: latestEndMs(parsed.cues),
  }
}

/** HH:MM:SS.mmm, the form caption authors type in the file. */
export function formatCueTime(ms: number): string {
  const total = Math.max(0, Math.round(ms))
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  const hours = Math.floor(total / 3_600_000)
  const minutes = Math.floor(total / 60_000) % 60
  const seconds = Math.floor(total / 1000) % 60
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(total % 1000, 3)}`
}

// The same line breaks the parser splits on, so our line numbers agree with its own.
const LINE_BREAK = /\r\n|\r|\n/

// The parser's default table only has "&amp" (no ";"), so "&amp;" would decode to "&;" and every
// entity would be counted one character too long.
const ENTITIES: Record<Entity, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': '\u00a0',
  '&lrm;': '\u200e',
  '&rlm;': '\u200f',
  '&amp': '&',
  '&lt': '<',
  '&gt': '>',
  '&nbsp': '\u00a0',
  '&lrm': '\u200e',
  '&rlm': '\u200f',
}

const onlyError = (issue: CaptionIssue): CaptionCheckResult => ({
  errors: [issue],
  warnings: [],
  cueCount: 0,
  lastCueEndMs: null,
})

const sortByLine = (issues: CaptionIssue[]) => [...issues].sort((a, b) => a.line - b.line)

const toMs = (seconds: number) => Math.round(seconds * 1000)

// Not the last cue's end: cues are sorted by start, and an earlier, longer cue can end later.
const latestEndMs = (cues: Cue[]) =>
  cues.reduce<number | null>((latest, cue) => Math.max(latest ?? 0, toMs(cue.endTime)), null)

// ---------------------------------------------------------------------------------------------
// Bytes to text

type Decoded = { text: string } | { problem: CaptionIssue }

const EMPTY_FILE = 'the file is empty; a caption file starts with "WEBVTT" followed by its cues'
const NOT_TEXT = 'not a WebVTT text file'

function decodeCaptionText(bytes: Uint8Array): Decoded {
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

// ---------------------------------------------------------------------------------------------
// Where each parsed cue sits in the file (the parser keeps no line numbers on cues)

interface LocatedCue {
  cue: Cue
  /** 1-based line of "start --> end". */
  timingLine: number
  textLineCount: number
}

interface TimingBlock {
  timingLine: number
  textLineCount: number
  key: string
}

/**
 * Pairs the parser's cues with their timing lines. The parser sorts cues by start time, so they
 * are matched on (start, end, text) rather than by position.
 */
function locateCues(cues: Cue[], lines: string[]): LocatedCue[] {
  const byKey = new Map<string, TimingBlock[]>()
  for (const block of findTimingBlocks(lines)) {
    const queue = byKey.get(block.key)
    if (queue) queue.push(block)
    else byKey.set(block.key, [block])
  }
  return cues.map((cue) => {
    const block = byKey.get(cueKey(cue.startTime, cue.endTime, cue.text))?.shift()
    // Unreachable while the scan below mirrors the parser; line 1 keeps the issue visible.
    return { cue, timingLine: block?.timingLine ?? 1, textLineCount: block?.textLineCount ?? 0 }
  })
}

const cueKey = (start: number, end: number, text: string) => `${start}|${end}|${text}`

const COMMENT_OR_STYLE = /^(NOTE|STYLE)($|[ \t])/

/** Walks the lines as the parser does: header, then blocks; NOTE and STYLE blocks hold no cues. */
function findTimingBlocks(lines: string[]): TimingBlock[] {
  const blocks: TimingBlock[] = []
  let index = 1
  while (index < lines.length && lines[index] !== '' && !lines[index].includes('-->')) index++
  let atBlockStart = false
  for (; index < lines.length; index++) {
    const line = lines[index]
    if (line === '') {
      atBlockStart = true
      continue
    }
    if (line.includes('-->')) {
      const textLines = cueTextLines(lines, index + 1)
      const block = timingBlock(line, index + 1, textLines)
      if (block) blocks.push(block)
      index += textLines.length
    } else if (atBlockStart && COMMENT_OR_STYLE.test(line)) {
      while (index + 1 < lines.length && lines[index + 1] !== '') index++
    }
    atBlockStart = false
  }
  return blocks
}

function cueTextLines(lines: string[], from: number): string[] {
  let end = from
  while (end < lines.length && lines[end] !== '' && !lines[end].includes('-->')) end++
  return lines.slice(from, end)
}

function timingBlock(line: string, timingLine: number, textLines: string[]): TimingBlock | null {
  // The timings parser only writes times and settings onto the cue it is given.
  const probe = { startTime: 0, endTime: 0 } as Cue
  const accepted = new WebVTTCueTimingsAndSettingsParser(line, () => {}).parse(probe, 0)
  if (!accepted) return null
  return {
    timingLine,
    textLineCount: textLines.length,
    key: cueKey(probe.startTime, probe.endTime, textLines.join('\n')),
  }
}

// ---------------------------------------------------------------------------------------------
// Parser errors, with their lines corrected and their wording made plain

const BLANK_LINE_MISSING = 'Blank line missing before cue.'
const ID_STANDALONE = 'Cue identifier cannot be standalone.'
const ID_WITHOUT_TIMING = 'Cue identifier needs to be followed by timestamp.'
const STYLE_AFTER_CUES = 'Style blocks cannot appear after the first cue.'

/**
 * The parser reports problems in cue text (a bare "&", an unclosed tag) on the line after the
 * cue, or past the end of the file. Those are dropped here and reported again from a second run
 * of its cue-text parser, which gives the position inside the text, hence the exact line.
 */
function parserIssues(
  errors: ParserError[],
  located: LocatedCue[],
  lines: string[],
): CaptionIssue[] {
  const pending = new Map<number, { remaining: number }>()
  const issues: CaptionIssue[] = []
  for (const entry of located) {
    const textIssues = cueTextIssues(entry)
    if (textIssues.length === 0) continue
    pending.set(entry.timingLine + entry.textLineCount + 1, { remaining: textIssues.length })
    issues.push(...textIssues)
  }
  for (const error of errors) {
    const drop = pending.get(error.line)
    // After a missing blank line the parser reports that first, then the cue's text problems.
    if (drop && drop.remaining > 0 && error.message !== BLANK_LINE_MISSING) {
      drop.remaining--
      continue
    }
    issues.push(structuralIssue(error, lines))
  }
  return issues
}

function cueTextIssues({ cue, timingLine }: LocatedCue): CaptionIssue[] {
  const issues: CaptionIssue[] = []
  const report = (message: string, position: number) => {
    const before = cue.text.slice(0, Math.max(0, position - 1))
    issues.push({ line: timingLine + before.split('\n').length, message: plainMessage(message) })
  }
  new WebVTTCueTextParser(cue.text, report, 'subtitles', ENTITIES).parse(cue.startTime, cue.endTime)
  return issues
}

function structuralIssue(error: ParserError, lines: string[]): CaptionIssue {
  // These two are reported on the line after the stray text; the stray text is what to fix.
  if (error.message === ID_STANDALONE || error.message === ID_WITHOUT_TIMING) {
    const line = error.line - 1
    const text = lines[line - 1] ?? ''
    return { line, message: LOOKS_LIKE_TIMING.test(text) ? BAD_TIMING_LINE : STRAY_TEXT }
  }
  // Reported where the STYLE block ends; its first line is easier to find.
  if (error.message === STYLE_AFTER_CUES) {
    return { line: styleBlockStart(lines, error.line), message: plainMessage(error.message) }
  }
  // Nothing else should land past the last line, but an issue must point at a line that exists.
  return { line: Math.min(error.line, lines.length), message: plainMessage(error.message) }
}

// A timing line with the arrow mistyped ("->", "=>") has no "-->", so the parser sees plain text.
const LOOKS_LIKE_TIMING = /^\s*\d[\d:.,]*\s*[-=~]+>?\s*\d/
const BAD_TIMING_LINE =
  'this looks like a timing line but is not written correctly; write it like "00:00:01.000 --> 00:00:03.000"'
const STRAY_TEXT =
  'this line is not part of any cue: a cue is a timing line like "00:00:01.000 --> 00:00:03.000" followed by its text, with no empty line in between'

function styleBlockStart(lines: string[], reportedLine: number): number {
  for (let line = Math.min(reportedLine, lines.length); line >= 1; line--) {
    if (/^STYLE($|[ \t])/.test(lines[line - 1])) return line
  }
  return reportedLine
}

const TIME_EXAMPLE = 'like 00:00:01.000'

const PLAIN_MESSAGES: Record<string, string> = {
  'No valid signature. (File needs to start with "WEBVTT".)':
    'the file must start with "WEBVTT" on its first line',
  'No blank line after the signature.': 'the "WEBVTT" line must be followed by an empty line',
  'Cannot have timestamp in a comment.':
    'a NOTE cannot contain "-->"; end the note with an empty line before the next cue',
  'Cannot have timestamp in a style block.':
    'a STYLE block cannot contain "-->"; end it with an empty line before the next cue',
  [STYLE_AFTER_CUES]: 'STYLE blocks must come before the first cue',
  [BLANK_LINE_MISSING]: 'put an empty line before this cue',
  'No timestamp found.': `a time is missing; write the timing line like "00:00:01.000 --> 00:00:03.000"`,
  'Timestamp must start with a character in the range 0-9.': `a time must start with a digit, ${TIME_EXAMPLE}`,
  'No time unit separator found.': `a time needs ":" between hours, minutes and seconds, ${TIME_EXAMPLE}`,
  'Must be exactly two digits.': `minutes and seconds need exactly two digits each, ${TIME_EXAMPLE}`,
  'No seconds found or minutes is greater than 59.': `a time needs hours, minutes and seconds, ${TIME_EXAMPLE}`,
  'No decimal separator (".") found.': `the milliseconds must come after a full stop, not a comma: write 00:00:01.000`,
  'Milliseconds must be given in three digits.': `milliseconds need exactly three digits, ${TIME_EXAMPLE}`,
  'You cannot have more than 59 minutes.': 'minutes must be between 00 and 59',
  'You cannot have more than 59 seconds.': 'seconds must be between 00 and 59',
  'Start timestamp is not greater than or equal to start timestamp of previous cue.':
    'this cue starts before the cue above it; put the cues in time order',
  "Timestamp not separated from '-->' by whitespace.": 'put a space before "-->"',
  'No valid timestamp separator found.': 'the two times must be separated by " --> "',
  "'-->' not separated from timestamp by whitespace.": 'put a space after "-->"',
  'End timestamp is not greater than start timestamp.':
    'cue ends before it starts: the second time must be later than the first',
  'Duplicate setting.': 'a cue setting is given twice',
  'Invalid setting.':
    'unknown text after the times; only the settings vertical, line, position, size and align may follow',
  'Incorrect escape.': 'write "&" as "&amp;", "<" as "&lt;" and ">" as "&gt;"',
  'Incorrect start tag.':
    'unknown tag; caption text may use <v Name>, <i>, <b>, <u>, <c>, <lang> and <ruby>',
  'Incorrect end tag.': 'a closing tag does not match the tag it should close',
  'Required end tag missing.': 'a tag is not closed; for example <i> needs </i>',
  '<v> requires an annotation.': "<v> needs the speaker's name, like <v Dean>",
  '<v> cannot be nested inside itself.': 'a <v> tag cannot be inside another <v> tag',
  'Only <v> and <lang> can have an annotation.':
    'only <v> and <lang> tags can have words after the tag name',
  'Timestamp must be between start timestamp and end timestamp.':
    "a time inside the text must be between the cue's start and end",
  'Timestamp must be greater than any previous timestamp.':
    'times inside the text must go up from one to the next',
  'Timestamp must not have trailing characters.': 'a time inside the text has extra characters',
}

/** Parser wording where we have no plainer version (mostly rare cue-setting mistakes). */
function plainMessage(message: string): string {
  const plain = PLAIN_MESSAGES[message]
  if (plain) return plain
  const trimmed = message.replace(/\.$/, '')
  return `cue problem: ${trimmed.charAt(0).toLowerCase()}${trimmed.slice(1)}`
}

// ---------------------------------------------------------------------------------------------
// Cue checks the parser does not make

function checkCues(
  located: LocatedCue[],
  durationMs: number | null | undefined,
  errors: CaptionIssue[],
  warnings: CaptionIssue[],
): void {
  const clipEndMs = typeof durationMs === 'number' && durationMs > 0 ? durationMs : null
  let latestEnd: number | null = null
  // The parser returns cues in time order, which is the order overlaps are judged in.
  for (const entry of located) {
    const startMs = toMs(entry.cue.startTime)
    const endMs = toMs(entry.cue.endTime)
    const line = entry.timingLine
    if (clipEndMs !== null && endMs > clipEndMs) {
      errors.push({
        line,
        message: `cue ends at ${formatCueTime(endMs)}, after the clip's end ${formatCueTime(clipEndMs)}`,
      })
    }
    // A cue that ends before it starts is already an error; its timing cannot be judged further.
    const timed = endMs > startMs
    if (timed && latestEnd !== null && startMs < latestEnd) {
      warnings.push({
        line,
        message: `cue at ${formatCueTime(startMs)} starts before the previous cue ends at ${formatCueTime(latestEnd)}; two captions will show at once`,
      })
    }
    if (timed) latestEnd = Math.max(latestEnd ?? endMs, endMs)
    checkCueText(entry, timed, errors, warnings)
  }
}

function checkCueText(
  entry: LocatedCue,
  timed: boolean,
  errors: CaptionIssue[],
  warnings: CaptionIssue[],
): void {
  const startMs = toMs(entry.cue.startTime)
  const rows = visibleText(entry.cue.tree.children).split('\n')
  if (rows.every((row) => row.trim() === '')) {
    errors.push({ line: entry.timingLine, message: `cue at ${formatCueTime(startMs)} has no text` })
    return
  }
  if (rows.length > CAPTION_LIMITS.maxLinesPerCue) {
    warnings.push({
      line: entry.timingLine,
      message: `cue at ${formatCueTime(startMs)} has ${rows.length} lines of text (limit ${CAPTION_LIMITS.maxLinesPerCue}); split it into more cues`,
    })
  }
  warnings.push(...longRows(entry, rows))
  const speed = timed ? readingSpeed(entry.cue, rows) : 0
  if (speed > CAPTION_LIMITS.maxCharsPerSecond) {
    warnings.push({
      line: entry.timingLine,
      message: `reading speed ${speed.toFixed(1)} characters per second (limit ${CAPTION_LIMITS.maxCharsPerSecond}): lengthen the cue or shorten the text`,
    })
  }
}

function longRows(entry: LocatedCue, rows: string[]): CaptionIssue[] {
  // A tag that spans lines ("<v Dean\nSmith>") breaks the row-to-line match; fall back to the cue.
  const rowsMatchLines = rows.length === entry.textLineCount
  return rows.flatMap((row, index) => {
    const length = visibleLength(row)
    if (length <= CAPTION_LIMITS.maxCharsPerLine) return []
    return [
      {
        line: rowsMatchLines ? entry.timingLine + 1 + index : entry.timingLine,
        message: `line has ${length} characters (limit ${CAPTION_LIMITS.maxCharsPerLine}); shorten it or split it over two lines`,
      },
    ]
  })
}

/** Characters per second, to one decimal place so "17.0" is never reported as over 17. */
function readingSpeed(cue: Cue, rows: string[]): number {
  const seconds = (toMs(cue.endTime) - toMs(cue.startTime)) / 1000
  const characters = visibleLength(rows.map((row) => row.trim()).join(' '))
  return Math.round((characters / seconds) * 10) / 10
}

// Code points, not UTF-16 units: an emoji or accented letter is one character on screen.
const visibleLength = (text: string) => Array.from(text.trim()).length

/** What the viewer sees: the parser's tree has tags removed and entities decoded. */
function visibleText(nodes: TreeNode<TreeNodeObjectTagNameWithRt>[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value
      if (node.type === 'object') return visibleText(node.children)
      return ''
    })
    .join('')
}
