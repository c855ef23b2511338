import type { ReviewMedia } from './reviewMedia'
import {
  type Actor,
  allowedActions,
  REVIEW_STATE_LABELS,
  type ReviewContext,
} from './reviewWorkflow'
import { linesOf } from './scriptDiff'
import type { Comment, Exercise, Script, User } from '../../payload-types'
import { lineTimings } from '../captions/captionsFromScript'
import { scoreScript, scoreText } from '../readability/readability'
import { plainTextFromRichText } from '../text/richText'

/** What the review view is made from, read as the person who opens it. */
export interface ReviewDocuments {
  script: Script
  comments: Comment[]
  versions: { id: number | string; updatedAt: string; status: string | null }[]
  /** Who can review: display name and role, never more. */
  people: Pick<User, 'id' | 'displayName' | 'role'>[]
  clipTitle: string | null
  /** What the review can play of the clip. */
  media: ReviewMedia
  /** The exercises that use the script's clip: their worksheets are scored too. */
  exercises: Exercise[]
}

const nameOf = (user: unknown) =>
  typeof user === 'object' && user
    ? ((user as User).displayName ?? `User ${(user as User).id}`)
    : 'Unknown'

/**
 * Everything the review tab shows, for this person: the script, what they may do, reviewers and
 * approvals by display name, comments (marking those whose line has changed since), readability
 * of the lines and the worksheets, and the versions to compare.
 */
export function toReviewView(
  docs: ReviewDocuments,
  who: { context: ReviewContext; actor: Actor; readabilityThreshold: number },
) {
  const { script } = docs
  const { context } = who
  const lines = linesOf(script)
  const byId = new Map(docs.people.map((u) => [String(u.id), u]))
  // When each line is spoken, as the captions made from the script time it.
  const timings = new Map(
    docs.media.durationMs
      ? lineTimings(lines, docs.media.durationMs).map((timing, i) => [lines[i].lineId, timing])
      : [],
  )
  return {
    script: {
      id: script.id,
      title: script.title,
      clipTitle: docs.clipTitle,
      status: context.state,
      statusLabel: REVIEW_STATE_LABELS[context.state],
      characters: script.characters ?? [],
      scenes: (script.scenes ?? []).map((scene) => ({
        heading: scene.heading,
        lines: (scene.lines ?? []).map((l) => ({
          lineId: l.lineId,
          speaker: l.speaker,
          text: l.text,
          direction: l.direction,
          timing: timings.get(l.lineId?.trim() ?? '') ?? null,
        })),
      })),
    },
    media: docs.media,
    allowedActions: allowedActions(context, who.actor),
    reviewers: context.reviewers.map((id) => ({
      id,
      displayName: nameOf(byId.get(id)),
      role: byId.get(id)?.role ?? null,
    })),
    approvals: context.approvals.map((a) => ({
      ...a,
      displayName: nameOf(byId.get(a.userId)),
      current: a.versionId === context.versionId,
    })),
    candidates: docs.people.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })),
    comments: docs.comments.map((c) => ({
      id: c.id,
      lineId: c.lineId ?? null,
      parent: typeof c.parent === 'object' && c.parent ? c.parent.id : (c.parent ?? null),
      body: c.body,
      voice: voiceOf(c.voice),
      resolved: c.resolved ?? false,
      author: nameOf(c.author),
      quotedSpeaker: c.quotedSpeaker ?? null,
      quotedText: c.quotedText ?? null,
      lineChanged: Boolean(
        c.lineId && c.quotedText && lines.find((l) => l.lineId === c.lineId)?.text !== c.quotedText,
      ),
      scriptVersion: c.scriptVersion ?? null,
      createdAt: c.createdAt,
    })),
    readability: {
      ...scoreScript(
        lines.map((l) => ({ lineId: l.lineId, text: l.text })),
        who.readabilityThreshold,
      ),
      threshold: who.readabilityThreshold,
      worksheet: worksheetScore(docs.exercises),
    },
    versions: docs.versions,
  }
}

/** A comment's recording as the review plays it, when this person may read it. */
function voiceOf(voice: Comment['voice']) {
  if (typeof voice !== 'object' || !voice?.url) return null
  return { url: voice.url, mimeType: voice.mimeType ?? null, durationMs: voice.durationMs ?? null }
}

function worksheetScore(exercises: Exercise[]) {
  const text = exercises
    .flatMap((e) => [
      plainTextFromRichText(e.worksheet?.intro),
      ...(e.worksheet?.questions ?? []).map((q) => q.prompt ?? ''),
      e.task ?? '',
    ])
    .filter(Boolean)
    .join('\n')
  return text ? scoreText(text) : null
}
