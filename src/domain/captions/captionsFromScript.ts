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
  const chunks = input.lines.flatMap((line) =>
    splitIntoCues(line.text.trim()).map((cueLines) => ({ speaker: line.speaker ?? '', cueLines })),
  )
  const weights = chunks.map((chunk) => Math.max(1, chunk.cueLines.join(' ').length))
  const total = weights.reduce((sum, w) => sum + w, 0)
  let start = 0
  const cues = chunks.map((chunk, index) => {
    const end =
      index === chunks.length - 1
        ? input.durationMs
        : start + Math.floor((input.durationMs * weights[index]) / total)
    const voice = chunk.speaker ? `<v ${escapeVoice(chunk.speaker)}>` : ''
    const cue = `${index + 1}\n${formatTimestamp(start)} --> ${formatTimestamp(end)}\n${chunk.cueLines
      .map((text, i) => (i === 0 ? voice + escapeText(text) : escapeText(text)))
      .join('\n')}`
    start = end
    return cue
  })
  return ['WEBVTT', '', ...cues.flatMap((cue) => [cue, ''])].join('\n')
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
