import { type Role, SCRIPT_STATUS_LABELS, type ScriptStatus } from '../vocabulary'

export type { Role }
/** The review states are the script statuses (src/domain/vocabulary.ts). */
export type ReviewState = ScriptStatus
export type ReviewAction = 'submit' | 'approve' | 'requestChanges' | 'returnToDraft' | 'editText'

export interface Approval {
  userId: string
  role: 'coProducer' | 'designer' | 'admin'
  versionId: string
  contentHash: string
  at: string
}

export interface Actor {
  userId: string
  role: Role
  /** Listed among the script's assigned co-producers (only meaningful for co-producers). */
  isAssignedCoProducer: boolean
  /** Named as a reviewer when the script was last submitted. */
  isReviewer: boolean
}

export interface ReviewContext {
  state: ReviewState
  approvals: Approval[]
  /** User ids chosen as reviewers at the last submit. */
  reviewers: string[]
  /** The version being reviewed; approvals are tied to it. */
  versionId: string
  contentHash: string
}

export type Decision =
  | {
      ok: true
      next: ReviewState
      approvals: Approval[]
      reviewers: string[]
      clearsApprovals: boolean
      marksMediaStale: boolean
      event: string
    }
  | { ok: false; status: 400 | 403; reason: string }

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = SCRIPT_STATUS_LABELS

const ACTIONS: ReviewAction[] = ['submit', 'approve', 'requestChanges', 'returnToDraft', 'editText']

/** Wording used in refusals, so every reason names the action in plain words. */
const ACTION_PHRASES: Record<ReviewAction, string> = {
  submit: 'submit a script for review',
  approve: 'approve a script',
  requestChanges: 'request changes to a script',
  returnToDraft: 'return a script to draft',
  editText: "edit a script's text",
}

/**
 * Refusals for an action attempted in a state it does not apply to. Each sentence names the state
 * and the action and says what to do instead, because co-producers read these directly.
 */
const WRONG_STATE: Record<ReviewAction, Partial<Record<ReviewState, string>>> = {
  submit: {
    inReview: 'A script in review cannot be submitted again; approve it or request changes.',
    changesRequested:
      'A script with changes requested cannot be submitted straight away; return it to draft first.',
    approved:
      'An approved script cannot be submitted again; edit its text to reopen it as a draft.',
  },
  approve: {
    draft: 'A draft script cannot be approved; submit it for review first.',
    changesRequested:
      'A script with changes requested cannot be approved; return it to draft and submit it again.',
    approved: 'An approved script cannot be approved again.',
  },
  requestChanges: {
    draft: 'Changes cannot be requested on a draft script; it is not in review.',
    changesRequested:
      'Changes have already been requested on this script; return it to draft to work on them.',
    approved:
      'Changes cannot be requested on an approved script; a designer or admin can edit its text to reopen it.',
  },
  returnToDraft: {
    draft: 'A draft script cannot be returned to draft; it is already a draft.',
    inReview: 'A script in review cannot be returned to draft; request changes first.',
    approved:
      'An approved script cannot be returned to draft; a designer or admin can edit its text to reopen it.',
  },
  editText: {
    inReview: 'The text of a script in review cannot be edited; request changes first.',
  },
}

/** Actions that change the script itself, so a co-producer must be assigned to the script. */
const NEEDS_ASSIGNMENT = new Set<ReviewAction>(['submit', 'returnToDraft', 'editText'])

type Refusal = Extract<Decision, { ok: false }>

/**
 * Everything that does not depend on the submit's reviewer list: who may act, in which state,
 * and whether this person has already approved this version. Shared by `decide` and
 * `allowedActions` so the buttons a UI shows can never disagree with what the server accepts.
 */
function refusalFor(context: ReviewContext, action: ReviewAction, actor: Actor): Refusal | null {
  const phrase = ACTION_PHRASES[action]
  if (actor.role === 'publisher') {
    return { ok: false, status: 403, reason: `Publishers cannot ${phrase}.` }
  }
  if (actor.role === 'coProducer') {
    if (!actor.isAssignedCoProducer && !actor.isReviewer) {
      return {
        ok: false,
        status: 403,
        reason: `Only co-producers assigned to this script or reviewing it can ${phrase}.`,
      }
    }
    if (NEEDS_ASSIGNMENT.has(action) && !actor.isAssignedCoProducer) {
      return {
        ok: false,
        status: 403,
        reason: `Only co-producers assigned to this script can ${phrase}.`,
      }
    }
    if (!NEEDS_ASSIGNMENT.has(action) && !actor.isReviewer) {
      return {
        ok: false,
        status: 403,
        reason: `Only co-producers chosen as reviewers of this script can ${phrase}.`,
      }
    }
  }

  const wrongState = WRONG_STATE[action][context.state]
  if (wrongState) return { ok: false, status: 400, reason: wrongState }

  // Reopening approved text throws away sign-off that co-producers gave, so it is kept to staff.
  if (action === 'editText' && context.state === 'approved' && actor.role === 'coProducer') {
    return {
      ok: false,
      status: 403,
      reason:
        'Co-producers cannot edit the text of an approved script; ask a designer or admin to reopen it.',
    }
  }

  if (
    action === 'approve' &&
    context.approvals.some((a) => a.userId === actor.userId && a.versionId === context.versionId)
  ) {
    return {
      ok: false,
      status: 400,
      reason: 'You have already approved this version of the script in review.',
    }
  }
  return null
}

/** A submit needs lived-experience and design sign-off to be possible, so both must be invited. */
function reviewerProblem(
  reviewers: string[] | undefined,
  reviewerRoles: Record<string, Role> | undefined,
): string | null {
  const ids = reviewers ?? []
  if (ids.length === 0) {
    return 'Choose reviewers before submitting: at least one co-producer and one designer or admin.'
  }
  if (ids.some((id) => id.trim() === '')) return 'A reviewer was given without a user id.'
  const roles = reviewerRoles ?? {}
  const unknown = ids.filter((id) => !roles[id])
  if (unknown.length > 0) {
    return `The role of reviewer ${unknown.join(', ')} is not known; choose reviewers from the user list.`
  }
  // Publishers can never approve, so inviting one would leave a review that cannot finish as asked.
  const publishers = ids.filter((id) => roles[id] === 'publisher')
  if (publishers.length > 0) {
    return `Publishers cannot review scripts; remove ${publishers.join(', ')} from the reviewers.`
  }
  const hasCoProducer = ids.some((id) => roles[id] === 'coProducer')
  const hasDesigner = ids.some((id) => roles[id] === 'designer' || roles[id] === 'admin')
  if (!hasCoProducer && !hasDesigner) {
    return 'The reviewers must include at least one co-producer and one designer or admin.'
  }
  if (!hasCoProducer) return 'The reviewers must include at least one co-producer.'
  if (!hasDesigner) return 'The reviewers must include at least one designer or admin.'
  return null
}

/**
 * ≥1 co-producer and ≥1 designer-or-admin approval of exactly this version. Approvals of older
 * versions are ignored: they signed off on different words.
 */
export function hasRequiredApprovals(approvals: Approval[], versionId: string): boolean {
  const current = approvals.filter((a) => a.versionId === versionId)
  return (
    current.some((a) => a.role === 'coProducer') &&
    current.some((a) => a.role === 'designer' || a.role === 'admin')
  )
}

export function decide(input: {
  context: ReviewContext
  action: ReviewAction
  actor: Actor
  now: string
  reviewers?: string[]
  reviewerRoles?: Record<string, Role>
}): Decision {
  const { context, action, actor, now } = input
  const refusal = refusalFor(context, action, actor)
  if (refusal) return refusal

  const unchanged = {
    ok: true as const,
    approvals: context.approvals,
    reviewers: context.reviewers,
    clearsApprovals: false,
    marksMediaStale: false,
  }

  switch (action) {
    case 'submit': {
      const problem = reviewerProblem(input.reviewers, input.reviewerRoles)
      if (problem) return { ok: false, status: 400, reason: problem }
      return {
        ...unchanged,
        next: 'inReview',
        approvals: [],
        reviewers: [...new Set(input.reviewers)],
        clearsApprovals: true,
        event: 'submitted',
      }
    }
    case 'approve': {
      // refusalFor already excluded publishers, so the actor's role fits an approval.
      const approval: Approval = {
        userId: actor.userId,
        role: actor.role as Approval['role'],
        versionId: context.versionId,
        contentHash: context.contentHash,
        at: now,
      }
      // Older-version approvals stay in the list as history; they never count (see above).
      const approvals = [...context.approvals, approval]
      const done = hasRequiredApprovals(approvals, context.versionId)
      return {
        ...unchanged,
        next: done ? 'approved' : 'inReview',
        approvals,
        event: done ? 'approved' : 'approvalRecorded',
      }
    }
    case 'requestChanges':
      return {
        ...unchanged,
        next: 'changesRequested',
        approvals: [],
        clearsApprovals: true,
        event: 'changesRequested',
      }
    case 'returnToDraft':
      return { ...unchanged, next: 'draft', event: 'returnedToDraft' }
    case 'editText':
      if (context.state === 'approved') {
        // Approved words have been voiced and animated; changing them reopens the script and
        // means the rendered media no longer matches.
        return {
          ...unchanged,
          next: 'draft',
          approvals: [],
          clearsApprovals: true,
          marksMediaStale: true,
          event: 'approvedTextEdited',
        }
      }
      return { ...unchanged, next: context.state, event: 'textEdited' }
  }
}

/**
 * The review buttons to show this actor: every action `decide` would accept, assuming a valid
 * reviewer list for submit. Editing text is not a button, so it is left out; ask
 * `decide({ action: 'editText', ... })` to decide whether fields are editable.
 */
export function allowedActions(context: ReviewContext, actor: Actor): ReviewAction[] {
  return ACTIONS.filter((action) => action !== 'editText' && !refusalFor(context, action, actor))
}
