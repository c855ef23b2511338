export interface CaptionSourceLine {
  speaker?: string | null
  text: string
}

export const MAX_CHARS_PER_LINE = 42
export const MAX_LINES_PER_CUE = 2

/**
 * Draft WebVTT captions from a script: one cue per spoken line, timed in proportion to its
 * length across the clip, wrapped to broadcast limits (42 characters, 2 lines). Long lines are
 * split over several cues. A designer refines the timing against the real recording.
 */
export function captionsFromScript(input: {
  lines: CaptionSourceLine[]
  durationMs: number
}): string {
  const cues = timedChunks(input.lines, input.durationMs).map((chunk, index) => {
    const voice = chunk.speaker ? `<v ${escapeVoice(chunk.speaker)}>` : ''
    return `${index + 1}\n${formatTimestamp(chunk.startMs)} --> ${formatTimestamp(chunk.endMs)}\n${chunk.cueLines
      .map((text, i) => (i === 0 ? voice + escapeText(text) : escapeText(text)))
      .join('\n')}`
  })
  return ['WEBVTT', '', ...cues.flatMap((cue) => [cue, ''])].join('\n')
}

export interface LineTiming {
  startMs: number
  endMs: number
}

/**
 * When each line is spoken, by the same timing as the captions made from the script: from its
 * first cue's start to its last cue's end. A line with no words has no timing (null).
 */
export function lineTimings(lines: CaptionSourceLine[], durationMs: number): (LineTiming | null)[] {
  const timings: (LineTiming | null)[] = lines.map(() => null)
  for (const chunk of timedChunks(lines, durationMs)) {
    const known = timings[chunk.line]
    timings[chunk.line] = { startMs: known?.startMs ?? chunk.startMs, endMs: chunk.endMs }
  }
  return timings
}

interface TimedChunk {
  /** The index of the line the cue is part of. */
  line: number
  speaker: string
  cueLines: string[]
  startMs: number
  endMs: number
}

/** The lines cut into cues, each timed in proportion to its length; the last ends the clip. */
function timedChunks(lines: CaptionSourceLine[], durationMs: number): TimedChunk[] {
  const chunks = lines.flatMap((line, index) =>
    splitIntoCues(line.text.trim()).map((cueLines) => ({
      line: index,
      speaker: line.speaker ?? '',
      cueLines,
    })),
  )
  const weights = chunks.map((chunk) => Math.max(1, chunk.cueLines.join(' ').length))
  const total = weights.reduce((sum, w) => sum + w, 0)
  let start = 0
  return chunks.map((chunk, index) => {
    const end =
      index === chunks.length - 1
        ? durationMs
        : start + Math.floor((durationMs * weights[index]) / total)
    const timed = { ...chunk, startMs: start, endMs: end }
    start = end
    return timed
  })
}

export function formatTimestamp(ms: number): string {
  const clamped = Math.max(0, Math.round(ms))
  const hours = Math.floor(clamped / 3_600_000)
  const minutes = Math.floor((clamped % 3_600_000) / 60_000)
  const seconds = Math.floor((clamped % 60_000) / 1000)
  const millis = clamped % 1000
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`
}

/** Greedy word wrap into cues of at most 2 lines of at most 42 characters. */
export function splitIntoCues(text: string): string[][] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => hardSplit(word, MAX_CHARS_PER_LINE))
  const rows: string[] = []
  let row = ''
  for (const word of words) {
    if (row === '') row = word
    else if (row.length + 1 + word.length <= MAX_CHARS_PER_LINE) row += ` ${word}`
    else {
      rows.push(row)
      row = word
    }
  }
  if (row) rows.push(row)
  const cues: string[][] = []
  for (let i = 0; i < rows.length; i += MAX_LINES_PER_CUE)
    cues.push(rows.slice(i, i + MAX_LINES_PER_CUE))
  return cues
}

/** Words longer than a caption line (long links, say) are broken so no line exceeds the limit. */
function hardSplit(word: string, max: number): string[] {
  if (word.length <= max) return [word]
  // By code point, so an emoji or other astral character is never cut in half.
  const characters = Array.from(word)
  const parts: string[] = []
  for (let i = 0; i < characters.length; i += max) parts.push(characters.slice(i, i + max).join(''))
  return parts
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeVoice = (name: string) => escapeText(name).replace(/\s+/g, ' ')
