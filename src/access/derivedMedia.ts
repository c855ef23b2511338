import type { PayloadRequest } from 'payload'

import { getAssignedScope, whereIdIn, type AssignedScope } from './assignedScope'
import { staffUser } from './roles'
import { derivedKeysIn } from '../domain/media/derivedRefs'

const reachable = new WeakMap<object, Promise<Set<string>>>()

/**
 * Derived media (renditions, posters, HLS) has no document of its own: it belongs to the clips
 * and media whose processing records name its key. Staff other than co-producers see all of it;
 * a co-producer only what their assigned clips and those clips' media name, whatever URL they
 * hold.
 */
export async function mayReadDerived(req: PayloadRequest, key: string): Promise<boolean> {
  const user = staffUser(req)
  if (!user) return false
  if (user.role !== 'coProducer') return true
  let keys = reachable.get(req)
  if (!keys) {
    keys = getAssignedScope(req, user.id).then((scope) => keysOf(req, scope))
    reachable.set(req, keys)
  }
  return (await keys).has(key)
}

async function keysOf(req: PayloadRequest, scope: AssignedScope): Promise<Set<string>> {
  const keys = new Set<string>()
  const sources = [
    ['clips', scope.clipIds],
    ['animations', scope.animationIds],
    ['voice-tracks', scope.voiceTrackIds],
  ] as const
  for (const [collection, ids] of sources) {
    const { docs } = await req.payload.find({
      collection,
      where: whereIdIn(ids),
      select: { processing: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) derivedKeysIn(doc.processing?.details, keys)
  }
  return keys
}
