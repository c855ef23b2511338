/** The parser's errors, with their lines corrected and their wording made plain. */
import type { Error as ParserError } from 'webvtt-parser'
import webvtt from 'webvtt-parser'

import { type CaptionIssue, ENTITIES } from './captionBasics'
import type { LocatedCue } from './locateCues'

const { WebVTTCueTextParser } = webvtt

const BLANK_LINE_MISSING = 'Blank line missing before cue.'
const ID_STANDALONE = 'Cue identifier cannot be standalone.'
const ID_WITHOUT_TIMING = 'Cue identifier needs to be followed by timestamp.'
const STYLE_AFTER_CUES = 'Style blocks cannot appear after the first cue.'

/**
 * The parser reports problems in cue text (a bare "&", an unclosed tag) on the line after the
 * cue, or past the end of the file. Those are dropped here and reported again from a second run
 * of its cue-text parser, which gives the position inside the text, hence the exact line.
 */
export function parserIssues(
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
