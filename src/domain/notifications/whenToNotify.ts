import type { IdText } from '../refs'
import type { NotificationKind, ScriptStatus } from '../vocabulary'

/** The people of a script at one moment: who was asked to review it and who approved it. */
export interface ScriptPeople {
  status: ScriptStatus
  reviewers: IdText[]
  approvers: IdText[]
}

export interface ScriptChange {
  before: ScriptPeople | null
  after: ScriptPeople
  /** Approved text was edited, which sends the script back to draft without its approvals. */
  reopened: boolean
}

/** Who gets a notice, by their part in the script; the editors are found in the audit log. */
export type Audience = 'reviewers' | 'approvers' | 'reviewersBefore' | 'approversBefore' | 'editors'

export interface ScriptNotice {
  kind: Exclude<NotificationKind, 'releasePublished'>
  audiences: Audience[]
}

/**
 * The notices a change to a script calls for. A status kept by another write (a draft autosave,
 * a title fix while in review) sends nothing: only the move into a state counts.
 */
export function scriptNotices({ before, after, reopened }: ScriptChange): ScriptNotice[] {
  if (reopened)
    return [{ kind: 'scriptEditedAgain', audiences: ['approversBefore', 'reviewersBefore'] }]
  // A script made in some state (the seed, an import) has reached no moment anyone waits for.
  if (!before || before.status === after.status) return []
  switch (after.status) {
    case 'inReview':
      return [{ kind: 'reviewRequested', audiences: ['reviewers'] }]
    case 'changesRequested':
      return [{ kind: 'changesRequested', audiences: ['editors'] }]
    case 'approved':
      return [{ kind: 'scriptApproved', audiences: ['reviewers', 'approvers', 'editors'] }]
    default:
      return []
  }
}

/**
 * The people a notice goes to: everyone in its audiences once, never the person whose action
 * it reports (they know; and a designer approving their own script needs no email about it).
 */
export function recipientsOf(
  notice: ScriptNotice,
  change: ScriptChange,
  editors: IdText[],
  actorId: IdText | null,
): IdText[] {
  const groups: Record<Audience, IdText[]> = {
    reviewers: change.after.reviewers,
    approvers: change.after.approvers,
    reviewersBefore: change.before?.reviewers ?? [],
    approversBefore: change.before?.approvers ?? [],
    editors,
  }
  const everyone = new Set(notice.audiences.flatMap((audience) => groups[audience]))
  if (actorId) everyone.delete(actorId)
  everyone.delete('')
  return [...everyone]
}
