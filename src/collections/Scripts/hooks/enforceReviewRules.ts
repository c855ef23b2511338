import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../access/roles'
import { decide, type ReviewAction, type ReviewState } from '../../../domain/scripts/reviewWorkflow'
import type { Script } from '../../../payload-types'
import { actorFor, reviewContextOf, scriptContentHash } from '../../../services/review/context'
import { markRecordedMediaStale } from '../../../services/review/lineage'

const DIRECT_TRANSITIONS: Partial<Record<ReviewState, Partial<Record<ReviewState, ReviewAction>>>> =
  {
    inReview: { changesRequested: 'requestChanges' },
    changesRequested: { draft: 'returnToDraft' },
  }

/**
 * The review rules for every API: a status change must be a legal transition for this person,
 * and editing approved text sends the script back to draft without its approvals. Review
 * endpoint writes (context.reviewTransition) and system writes (no signed-in person) have
 * already been decided.
 */
export const enforceReviewRules: CollectionBeforeChangeHook<Script> = ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'update' || !originalDoc || context.reviewTransition || !staffUser(req))
    return data
  const before = reviewContextOf(originalDoc)
  const actor = actorFor(req, originalDoc)!
  const now = new Date().toISOString()

  const requested = (data.status ?? before.state) as ReviewState
  if (requested !== before.state) {
    const action = DIRECT_TRANSITIONS[before.state]?.[requested]
    if (!action) {
      throw new APIError(
        `A script cannot go from ${before.state} to ${requested} by editing its status. Use the review actions (submit, approve, request changes) in the script's Review tab or POST /api/scripts/${originalDoc.id}/review.`,
        400,
      )
    }
    const decision = decide({ context: before, action, actor, now })
    if (!decision.ok) throw new APIError(decision.reason, decision.status)
    data.approvals = decision.clearsApprovals ? [] : data.approvals
  }

  const textChanged =
    scriptContentHash({ ...originalDoc, ...data } as Script) !== before.contentHash
  if (textChanged) {
    const decision = decide({
      context: { ...before, state: requested },
      action: 'editText',
      actor,
      now,
    })
    if (!decision.ok) throw new APIError(decision.reason, decision.status)
    if (decision.marksMediaStale) {
      data.status = decision.next
      data.approvals = []
      data.reviewers = []
      context.staleFromHash = originalDoc.approvedContentHash ?? before.contentHash
      data.approvedContentHash = null
    }
  }
  return data
}

/** After approved text changed: the voice tracks and captions recorded from it are stale. */
export const markMediaStaleAfterApprovedEdit: CollectionAfterChangeHook<Script> = async ({
  doc,
  req,
  context,
}) => {
  if (typeof context.staleFromHash === 'string') {
    await markRecordedMediaStale({ req, script: doc, fromHash: context.staleFromHash })
  }
  return doc
}
