import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { erasedEmail, erasureRefusal } from '../../domain/consent/erasure'
import { signInSubjectKey } from '../../lib/auth/subjectKey'
import { recordAudit } from '../audit/recordAudit'
import { refuse, type Refusal } from '../refusal'

/**
 * An admin erases a co-producer's real name and email. What others see of them stays: their
 * pseudonym on scripts, comments, approvals, consent and releases, so nothing that names them
 * breaks. The account can no longer sign in: its email is one that cannot receive mail, its
 * password is random and unknown, its sessions end, and `erasedAt` refuses any sign-in. Audit
 * entries keep the pseudonym and the account id only: the keyed hash of the old email and the
 * client addresses of its sign-ins are blanked. Emails not yet sent to it are dropped.
 */
export async function eraseCoProducer(
  req: PayloadRequest,
  userId: string,
  typedPseudonym: string,
): Promise<{ ok: true; message: string } | Refusal> {
  const { payload } = req
  const target = await payload
    .findByID({
      collection: 'users',
      id: userId,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    .catch(() => null)
  if (!target) return refuse(404, 'User not found.')
  const refusal = erasureRefusal(target, typedPseudonym)
  if (refusal) return refuse(400, refusal)

  // The traces go first and again after: a crash before the account is marked erased leaves an
  // erasure that can simply be asked for again, and a sign-in meanwhile is caught the second time.
  const traces = { userId: target.id, email: target.email }
  await removeTraces(req, traces)
  await payload.update({
    collection: 'users',
    id: target.id,
    data: {
      email: erasedEmail(target.id),
      realName: null,
      erasedAt: new Date().toISOString(),
      password: randomBytes(32).toString('base64url'),
      emailPreference: 'none',
      // Payload's auth bookkeeping: every session ends, and no reset link still works.
      sessions: [],
      resetPasswordToken: null,
      resetPasswordExpiration: null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  await removeTraces(req, traces)
  await recordAudit(
    payload,
    {
      action: 'erasure',
      entityCollection: 'users',
      entityId: target.id,
      changedFields: ['email', 'realName'],
      summary: `erased the personal details of ${target.pseudonym}`,
    },
    req,
  )
  return {
    ok: true,
    message: `The real name and email of ${target.pseudonym} are erased. Their pseudonym stays on their work; the account can no longer sign in.`,
  }
}

/**
 * What else holds the person: their audit entries' keyed email hash and client addresses
 * (blanked below the log's append-only hooks), emails not yet sent to them (dropped), and the
 * recordings of their voice they left as comments (deleted with their files; a comment that was
 * only a recording goes, one with typed words keeps them).
 */
async function removeTraces(
  req: PayloadRequest,
  person: { userId: number | string; email: string },
) {
  await req.payload.db.updateMany({
    collection: 'audit-log',
    where: {
      or: [
        { actor: { equals: person.userId } },
        { subjectKey: { equals: signInSubjectKey(person.email, req.payload.secret) } },
      ],
    },
    data: { subjectKey: null, clientAddress: null },
    returning: false,
    req,
  })
  await req.payload.delete({
    collection: 'notifications',
    where: {
      and: [{ recipient: { equals: person.userId } }, { status: { in: ['pending', 'failed'] } }],
    },
    overrideAccess: true,
    req,
  })
  await removeVoiceComments(req, person.userId)
}

async function removeVoiceComments(req: PayloadRequest, userId: number | string) {
  const { docs: recordings } = await req.payload.find({
    collection: 'voice-comments',
    where: { author: { equals: userId } },
    depth: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  if (recordings.length === 0) return
  const ids = recordings.map((r) => r.id)
  await req.payload.delete({
    collection: 'comments',
    where: { and: [{ voice: { in: ids } }, { body: { equals: '' } }] },
    overrideAccess: true,
    req,
  })
  await req.payload.delete({
    collection: 'voice-comments',
    where: { id: { in: ids } },
    overrideAccess: true,
    req,
  })
}
