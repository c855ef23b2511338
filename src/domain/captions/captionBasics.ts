import type { Entity } from 'webvtt-parser'

/** What every caption check shares: issue shapes, limits, line breaks, entities and times. */

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
export const LINE_BREAK = /\r\n|\r|\n/

// The parser's default table only has "&amp" (no ";"), so "&amp;" would decode to "&;" and every
// entity would be counted one character too long.
export const ENTITIES: Record<Entity, string> = {
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

export const toMs = (seconds: number) => Math.round(seconds * 1000)
