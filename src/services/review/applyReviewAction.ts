import type { PayloadRequest } from 'payload'

import { asRelationId, idFromText } from '../../domain/refs'
import { decide, type ReviewAction, type Role } from '../../domain/scripts/reviewWorkflow'
import { recordAudit } from '../audit/recordAudit'
import type { Script } from '../../payload-types'
import { actorFor, latestVersionId, reviewContextOf, scriptContentHash } from './context'
import { REVIEW_TRANSITION } from '../writeContext'

export const REVIEW_ACTIONS = ['submit', 'approve', 'requestChanges', 'returnToDraft'] as const
export type ReviewRequestAction = (typeof REVIEW_ACTIONS)[number]

export type ReviewResult =
  { ok: true; script: Script } | { ok: false; status: 400 | 403 | 404; reason: string }

/**
 * Submit, approve, request changes or return to draft, for the signed-in person. The decision is
 * the pure review workflow's; this only loads what it needs and writes the result.
 */
export async function applyReviewAction(input: {
  req: PayloadRequest
  scriptId: number | string
  action: ReviewAction
  reviewers?: (number | string)[]
}): Promise<ReviewResult> {
  const { req } = input
  const { payload } = req
  // Reading as the person first: a script they cannot see does not exist for them.
  const visible = await payload
    .findByID({
      collection: 'scripts',
      id: input.scriptId,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
      draft: true,
    })
    .catch(() => null)
  if (!visible) return { ok: false, status: 404, reason: `Script ${input.scriptId} was not found.` }
  const script = await payload.findByID({
    collection: 'scripts',
    id: input.scriptId,
    depth: 0,
    overrideAccess: true,
    req,
    draft: true,
  })
  const actor = actorFor(req, script)
  if (!actor) return { ok: false, status: 403, reason: 'Sign in to take part in reviews.' }

  const reviewers = (input.reviewers ?? []).map(String)
  const reviewerRoles: Record<string, Role> = {}
  if (input.action === 'submit' && reviewers.length > 0) {
    const users = await payload.find({
      collection: 'users',
      where: { id: { in: reviewers } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const user of users.docs) reviewerRoles[String(user.id)] = user.role
    // Co-producers see only scripts they are assigned to: an unassigned reviewer could never approve.
    const assigned = new Set(
      (script.assignedCoProducers ?? []).map((u) => String(typeof u === 'object' ? u.id : u)),
    )
    const unassigned = users.docs.filter(
      (u) => u.role === 'coProducer' && !assigned.has(String(u.id)),
    )
    if (unassigned.length > 0) {
      return {
        ok: false,
        status: 400,
        reason: `${unassigned.map((u) => u.displayName).join(', ')} cannot review this script: assign them to it first (co-producers only see scripts they are assigned to).`,
      }
    }
  }

  const context = reviewContextOf(script)
  const decision = decide({
    context,
    action: input.action,
    actor,
    now: new Date().toISOString(),
    reviewers,
    reviewerRoles,
  })
  if (!decision.ok) return { ok: false, status: decision.status, reason: decision.reason }
  const idType = req.payload.db.defaultIDType

  const reviewedVersionId =
    input.action === 'submit' ? await latestVersionId(req, script.id) : script.reviewedVersionId
  const hash = scriptContentHash(script)
  const updated = await payload.update({
    collection: 'scripts',
    id: script.id,
    data: {
      // The latest draft's text goes with the transition, so no unpublished edit is lost.
      title: script.title,
      characters: script.characters,
      scenes: script.scenes,
      status: decision.next,
      reviewers: decision.reviewers.map((id) => asRelationId(idFromText(id, idType))),
      reviewedVersionId,
      approvals: decision.approvals.map((a) => ({
        user: asRelationId(idFromText(a.userId, idType)),
        role: a.role,
        versionId: a.versionId,
        contentHash: a.contentHash,
        at: a.at,
      })),
      approvedContentHash: decision.next === 'approved' ? hash : script.approvedContentHash,
      _status: 'published',
    },
    depth: 0,
    overrideAccess: true,
    req,
    context: REVIEW_TRANSITION,
  })
  if (input.action === 'approve') {
    await recordAudit(
      payload,
      {
        action: 'approval',
        entityCollection: 'scripts',
        entityId: script.id,
        versionId: reviewedVersionId ?? null,
        changedFields: ['approvals', ...(decision.next === 'approved' ? ['status'] : [])],
        summary: `approved version ${reviewedVersionId} of "${script.title}" (text ${hash.slice(0, 12)})${decision.next === 'approved' ? '; the script is now approved' : ''}`,
      },
      req,
    )
  }
  return { ok: true, script: updated }
}
