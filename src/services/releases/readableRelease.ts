import type { PayloadRequest } from 'payload'

import type { Id } from '../../domain/refs'
import type { Release } from '../../payload-types'

/** The release as the signed-in person may read it, or null: unknown and unreadable look alike. */
export async function readableRelease(req: PayloadRequest, id: Id): Promise<Release | null> {
  return req.payload
    .findByID({ collection: 'releases', id, depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => null)
}
