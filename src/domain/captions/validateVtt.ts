// webvtt-parser is CommonJS that attaches its exports at run time, so Node's ESM loader (used by
// tsx in the Payload CLI) cannot see named exports; the default import works everywhere.
import webvtt from 'webvtt-parser'
import type { Cue } from 'webvtt-parser'

import {
  type CaptionCheckResult,
  type CaptionIssue,
  ENTITIES,
  LINE_BREAK,
  toMs,
} from './captionBasics'
import { checkCues } from './cueChecks'
import { decodeCaptionText } from './decodeCaptionText'
import { locateCues } from './locateCues'
import { parserIssues } from './parserIssues'

const { WebVTTParser } = webvtt

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

const onlyError = (issue: CaptionIssue): CaptionCheckResult => ({
  errors: [issue],
  warnings: [],
  cueCount: 0,
  lastCueEndMs: null,
})

const sortByLine = (issues: CaptionIssue[]) => [...issues].sort((a, b) => a.line - b.line)

// Not the last cue's end: cues are sorted by start, and an earlier, longer cue can end later.
const latestEndMs = (cues: Cue[]) =>
  cues.reduce<number | null>((latest, cue) => Math.max(latest ?? 0, toMs(cue.endTime)), null)

export {
  CAPTION_LIMITS,
  type CaptionCheckResult,
  type CaptionIssue,
  formatCueTime,
} from './captionBasics'
