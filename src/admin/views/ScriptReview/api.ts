import type { Id } from '../../../domain/refs'
import type { ReviewMedia } from '../../../domain/scripts/reviewMedia'
import { requestJson } from '../../requestJson'

export interface ReviewLine {
  lineId: string
  speaker: string
  text: string
  direction?: string | null
  /** When the line is spoken in the clip, as the captions made from the script time it. */
  timing?: { startMs: number; endMs: number } | null
}

export interface ReviewComment {
  id: Id
  lineId: string | null
  parent: Id | null
  body: string
  /** A spoken comment: its recording, played in the sidebar. */
  voice: { url: string; mimeType: string | null; durationMs: number | null } | null
  resolved: boolean
  author: string
  quotedSpeaker: string | null
  quotedText: string | null
  lineChanged: boolean
  createdAt: string
}

export interface LineScore {
  lineId: string
  fleschReadingEase: number
  wordsPerSentence: number
  isHard: boolean
}

export interface ReviewState {
  script: {
    id: Id
    title: string
    clipTitle: string | null
    status: string
    statusLabel: string
    scenes: { heading?: string | null; lines: ReviewLine[] }[]
  }
  media: ReviewMedia
  allowedActions: string[]
  reviewers: { id: string; displayName: string; role: string | null }[]
  approvals: { userId: string; displayName: string; role: string; at: string; current: boolean }[]
  candidates: { id: Id; displayName: string; role: string }[]
  comments: ReviewComment[]
  readability: {
    lines: LineScore[]
    overall: { fleschReadingEase: number; wordsPerSentence: number }
    threshold: number
    worksheet: { fleschReadingEase: number; wordsPerSentence: number } | null
  }
  versions: { id: string; updatedAt: string; status: string | null }[]
}

export interface DiffResponse {
  summary: Record<string, number>
  entries: (
    | { kind: 'unchanged' | 'added' | 'removed'; line: ReviewLine }
    | { kind: 'changed' | 'moved'; before: ReviewLine; after: ReviewLine }
  )[]
}

export const reviewApi = {
  state: (id: Id) => requestJson<ReviewState>(`/api/scripts/${id}/review`),
  act: (id: Id, action: string, reviewers?: Id[]) =>
    requestJson<{ message: string }>(`/api/scripts/${id}/review`, {
      method: 'POST',
      body: { action, reviewers },
    }),
  comment: (data: { script: Id; lineId?: string | null; body: string; parent?: Id }) =>
    requestJson('/api/comments', { method: 'POST', body: data }),
  /** Sends a recording (and any typed note) as a comment on the line, in one request. */
  voiceComment: (data: { script: Id; lineId: string | null; note: string }, recording: Blob) => {
    const form = new FormData()
    form.append('_payload', JSON.stringify(data))
    form.append('file', recording, `voice-comment.${extensionOf(recording.type)}`)
    return requestJson('/api/voice-comments', { method: 'POST', form })
  },
  resolve: (id: Id, resolved: boolean) =>
    requestJson(`/api/comments/${id}`, { method: 'PATCH', body: { resolved } }),
  diff: (id: Id, from: string, to: string) =>
    requestJson<DiffResponse>(
      `/api/scripts/${id}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    ),
}

/** Chromium and Firefox record WebM (Opus), Safari MP4 (AAC). */
function extensionOf(type: string): string {
  if (type.includes('mp4')) return 'm4a'
  if (type.includes('ogg')) return 'ogg'
  return 'webm'
}
