import type { PayloadRequest } from 'payload'

import { actorFor, latestVersionId, reviewContextOf, scriptContentHash } from './context'
import { asRelationId, idFromText, idText } from '../../domain/refs'
import { decide, type ReviewAction, type Role } from '../../domain/scripts/reviewWorkflow'
import type { Script } from '../../payload-types'
import { recordAudit } from '../audit/recordAudit'
import { refuse, type Refusal } from '../refusal'
import { REVIEW_TRANSITION } from '../writeContext'

export const REVIEW_ACTIONS = ['submit', 'approve', 'requestChanges', 'returnToDraft'] as const
export type ReviewRequestAction = (typeof REVIEW_ACTIONS)[number]

export type ReviewResult = { ok: true; script: Script } | Refusal

type Decided = Extract<ReturnType<typeof decide>, { ok: true }>

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
  const script = await scriptVisibleTo(req, input.scriptId)
  if (!script) return refuse(404, `Script ${input.scriptId} was not found.`)
  const actor = actorFor(req, script)
  if (!actor) return refuse(403, 'Sign in to take part in reviews.')
  const reviewers = (input.reviewers ?? []).map(String)
  const chosen =
    input.action === 'submit'
      ? await reviewerRolesFor(req, script, reviewers)
      : { ok: true as const, roles: {} }
  if (!chosen.ok) return chosen
  const decision = decide({
    context: reviewContextOf(script),
    action: input.action,
    actor,
    now: new Date().toISOString(),
    reviewers,
    reviewerRoles: chosen.roles,
  })
  if (!decision.ok) return refuse(decision.status, decision.reason)
  const reviewedVersionId =
    input.action === 'submit' ? await latestVersionId(req, script.id) : script.reviewedVersionId
  const updated = await writeTransition(req, script, decision, reviewedVersionId)
  if (input.action === 'approve') await auditApproval(req, script, decision, reviewedVersionId)
  return { ok: true, script: updated }
}

/** The script with its latest draft, if the person may read it: one they cannot see does not exist for them. */
async function scriptVisibleTo(req: PayloadRequest, id: number | string): Promise<Script | null> {
  const visible = await req.payload
    .findByID({
      collection: 'scripts',
      id,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
      draft: true,
    })
    .catch(() => null)
  if (!visible) return null
  return req.payload.findByID({
    collection: 'scripts',
    id,
    depth: 0,
    overrideAccess: true,
    req,
    draft: true,
  })
}

/**
 * The role of each chosen reviewer, or a refusal: co-producers see only scripts they are
 * assigned to, so an unassigned one could never approve.
 */
async function reviewerRolesFor(
  req: PayloadRequest,
  script: Script,
  reviewers: string[],
): Promise<{ ok: true; roles: Record<string, Role> } | Refusal> {
  const roles: Record<string, Role> = {}
  if (reviewers.length === 0) return { ok: true, roles }
  const users = await req.payload.find({
    collection: 'users',
    where: { id: { in: reviewers } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const user of users.docs) roles[String(user.id)] = user.role
  const assigned = new Set((script.assignedCoProducers ?? []).map((u) => idText(u)))
  const unassigned = users.docs.filter(
    (u) => u.role === 'coProducer' && !assigned.has(String(u.id)),
  )
  if (unassigned.length === 0) return { ok: true, roles }
  return refuse(
    400,
    `${unassigned.map((u) => u.displayName).join(', ')} cannot review this script: assign them to it first (co-producers only see scripts they are assigned to).`,
  )
}

async function writeTransition(
  req: PayloadRequest,
  script: Script,
  decision: Decided,
  reviewedVersionId: string | null | undefined,
): Promise<Script> {
  const idType = req.payload.db.defaultIDType
  return req.payload.update({
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
      approvedContentHash:
        decision.next === 'approved' ? scriptContentHash(script) : script.approvedContentHash,
      _status: 'published',
    },
    depth: 0,
    overrideAccess: true,
    req,
    context: REVIEW_TRANSITION,
  })
}

async function auditApproval(
  req: PayloadRequest,
  script: Script,
  decision: Decided,
  reviewedVersionId: string | null | undefined,
) {
  const hash = scriptContentHash(script)
  const nowApproved = decision.next === 'approved'
  await recordAudit(
    req.payload,
    {
      action: 'approval',
      entityCollection: 'scripts',
      entityId: script.id,
      versionId: reviewedVersionId ?? null,
      changedFields: ['approvals', ...(nowApproved ? ['status'] : [])],
      summary: `approved version ${reviewedVersionId} of "${script.title}" (text ${hash.slice(0, 12)})${nowApproved ? '; the script is now approved' : ''}`,
    },
    req,
  )
}
