/** Where each parsed cue sits in the file: the parser keeps no line numbers on cues. */
import type { Cue } from 'webvtt-parser'
import webvtt from 'webvtt-parser'

const { WebVTTCueTimingsAndSettingsParser } = webvtt

export interface LocatedCue {
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
export function locateCues(cues: Cue[], lines: string[]): LocatedCue[] {
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
