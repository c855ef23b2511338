import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { staffUser } from './roles'
import type { Id } from '../domain/refs'

/** What a collection's update rule says for this request: yes, no, or only documents matching. */
export type UpdateScope = boolean | Where

// One answer per request and collection: the admin asks about locks on every form-state call.
const scopes = new WeakMap<object, Map<string, Promise<UpdateScope>>>()

/**
 * The collection's own `update` access rule, run for the signed-in staff member. Anyone else
 * (anonymous requests, delivery apps) may update nothing through this question.
 */
export function updateScope(req: PayloadRequest, collection: string): Promise<UpdateScope> {
  if (!staffUser(req)) return Promise.resolve(false)
  let perRequest = scopes.get(req)
  if (!perRequest) scopes.set(req, (perRequest = new Map()))
  const known = perRequest.get(collection)
  if (known) return known
  const scope = evaluateUpdateAccess(req, collection)
  perRequest.set(collection, scope)
  return scope
}

async function evaluateUpdateAccess(req: PayloadRequest, slug: string): Promise<UpdateScope> {
  const access = req.payload.collections[slug as CollectionSlug]?.config.access.update
  if (!access) return false
  const result = await access({ req })
  return typeof result === 'object' && result !== null ? result : Boolean(result)
}

/** Whether the signed-in staff member may update this one document, by the collection's rule. */
export async function mayUpdateDocument(
  req: PayloadRequest,
  collection: string,
  id: Id,
): Promise<boolean> {
  const scope = await updateScope(req, collection)
  if (scope === false) return false
  const where: Where =
    scope === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, scope] }
  const { totalDocs } = await req.payload.count({
    collection: collection as CollectionSlug,
    where,
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * The ids in a collection this staff member may update: every one (true), none (false), or the
 * listed ones.
 */
export async function updatableIds(
  req: PayloadRequest,
  collection: string,
): Promise<boolean | Id[]> {
  const scope = await updateScope(req, collection)
  if (typeof scope === 'boolean') return scope
  const found = await req.payload.find({
    collection: collection as CollectionSlug,
    where: scope,
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs.map((doc) => doc.id)
}
