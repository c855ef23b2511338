import type { Access, CollectionSlug, PayloadRequest, Where } from 'payload'

import type { UploadWrite } from '../../domain/http/uploadRoute'

export interface UploadRefusal {
  status: 401 | 403
  message: string
}

/**
 * Why `req.user` may not send a file to this upload route, or null when they may. Runs the
 * collection's own create/update access, and for an update of one document its row-level
 * rule, so the answer matches what Payload would decide after parsing the body.
 */
export async function refuseUploadWrite(
  req: PayloadRequest,
  write: UploadWrite,
): Promise<UploadRefusal | null> {
  const collection = req.payload.collections[write.collection as CollectionSlug]
  if (!collection) return null
  if (!req.user) return { status: 401, message: 'Sign in to the studio to upload files.' }
  const refused: UploadRefusal = {
    status: 403,
    message: `You are not allowed to upload ${write.collection.replace(/-/g, ' ')}${write.operation === 'update' && write.id !== null ? ' to this document' : ''}.`,
  }
  const { access } = collection.config
  const rules =
    write.operation === 'other' ? [access.create, access.update] : [access[write.operation]]
  const id = write.operation === 'update' ? (write.id ?? undefined) : undefined
  for (const rule of rules) {
    // Payload types `id` as the adapter's id type; our access rules treat ids as opaque.
    const verdict = await (rule as Access)({ req, id, data: {} } as Parameters<Access>[0])
    if (verdict === false) continue
    if (verdict === true || id === undefined) return null
    if (await documentMatches(req, write.collection as CollectionSlug, id, verdict)) return null
  }
  return refused
}

async function documentMatches(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string,
  rule: Where,
): Promise<boolean> {
  try {
    const { totalDocs } = await req.payload.count({
      collection,
      where: { and: [{ id: { equals: id } }, rule] },
      overrideAccess: true,
      req,
    })
    return totalDocs > 0
  } catch {
    // An id the database cannot even compare (a malformed one) matches nothing.
    return false
  }
}
