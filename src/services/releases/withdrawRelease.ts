import type { PayloadRequest } from 'payload'

import { staffUser } from '../../access/roles'
import { asRelationId } from '../../domain/refs'
import type { Release } from '../../payload-types'
import { refuse, type Refusal } from '../refusal'
import { RELEASE_SYSTEM_WRITE } from '../writeContext'

/** Withdraws a published release, the only change it accepts, saying why. */
export async function withdrawRelease(
  req: PayloadRequest,
  release: Release,
  reason: string | undefined,
): Promise<{ ok: true; message: string } | Refusal> {
  if (release.status !== 'published') {
    return refuse(
      400,
      `Release ${release.version} is ${release.status}; only a published release can be withdrawn.`,
    )
  }
  if (!reason) return refuse(400, 'Say why the release is withdrawn: { "reason": "…" }.')
  await req.payload.update({
    collection: 'releases',
    id: release.id,
    data: {
      status: 'withdrawn',
      withdrawnReason: reason,
      withdrawnBy: asRelationId(staffUser(req)!.id),
    },
    overrideAccess: true,
    req,
    context: RELEASE_SYSTEM_WRITE,
  })
  return { ok: true, message: `Release ${release.version} withdrawn.` }
}
