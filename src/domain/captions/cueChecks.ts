/** Cue checks the parser does not make: timing against the clip, line length, reading speed. */
import type { Cue, TreeNode, TreeNodeObjectTagNameWithRt } from 'webvtt-parser'

import { CAPTION_LIMITS, type CaptionIssue, formatCueTime, toMs } from './captionBasics'
import type { LocatedCue } from './locateCues'

export function checkCues(
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
