import type { PayloadRequest } from 'payload'

import { staffUser } from '../../access/roles'
import { type Id, idText } from '../../domain/refs'
import type {
  Actor,
  Approval,
  ReviewContext,
  ReviewState,
} from '../../domain/scripts/reviewWorkflow'
import { contentHash, linesOf } from '../../domain/scripts/scriptDiff'
import type { Script } from '../../payload-types'

/** The hash approvals sign: the spoken text in order, with speakers and the cast. */
export function scriptContentHash(script: Pick<Script, 'scenes' | 'characters'>): string {
  return contentHash(
    linesOf(script),
    (script.characters ?? []).map((c) => ({ name: c.name })),
  )
}

export function approvalsOf(script: Pick<Script, 'approvals'>): Approval[] {
  return (script.approvals ?? []).map((a) => ({
    userId: idText(a.user),
    role: a.role as Approval['role'],
    versionId: a.versionId,
    contentHash: a.contentHash,
    at: a.at,
  }))
}

export function reviewContextOf(script: Script): ReviewContext {
  return {
    state: (script.status ?? 'draft') as ReviewState,
    approvals: approvalsOf(script),
    reviewers: (script.reviewers ?? []).map(idText),
    versionId: script.reviewedVersionId ?? '',
    contentHash: scriptContentHash(script),
  }
}

export function actorFor(
  req: PayloadRequest,
  script: Pick<Script, 'assignedCoProducers' | 'reviewers'>,
): Actor | null {
  const user = staffUser(req)
  if (!user) return null
  const userId = String(user.id)
  return {
    userId,
    role: user.role,
    isAssignedCoProducer: (script.assignedCoProducers ?? []).map(idText).includes(userId),
    isReviewer: (script.reviewers ?? []).map(idText).includes(userId),
  }
}

/** Id of the newest saved version of a script: what reviewers are looking at. */
export async function latestVersionId(req: PayloadRequest, scriptId: Id): Promise<string> {
  const versions = await req.payload.findVersions({
    collection: 'scripts',
    where: { parent: { equals: scriptId } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return versions.docs[0] ? String(versions.docs[0].id) : ''
}

/** The latest draft of a script, if the signed-in person may read it (else null, never an error). */
export async function readableScript(req: PayloadRequest, id: Id): Promise<Script | null> {
  return req.payload
    .findByID({
      collection: 'scripts',
      id,
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch(() => null)
}
