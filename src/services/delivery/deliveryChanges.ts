import type { Payload, Where } from 'payload'

import { invalidateDeliveryCatalog } from './deliveryCatalog'
import { forgetApiKeys } from '../../lib/auth/cachedApiKeys'

/** How often a delivery tier asks the database whether anything it answers from changed. */
export const CHANGE_POLL_MS = 1_000

type Watched = 'releases' | 'audiences' | 'delivery-apps'

const WATCHED: { collection: Watched; where?: Where; forget: () => void }[] = [
  // Drafts being edited are not delivered: only what delivery can see.
  {
    collection: 'releases',
    where: { status: { in: ['published', 'withdrawn'] } },
    forget: invalidateDeliveryCatalog,
  },
  { collection: 'audiences', forget: invalidateDeliveryCatalog },
  { collection: 'delivery-apps', forget: forgetApiKeys },
]

/** Changes here change the count or the newest `updatedAt`: a deletion lowers the count. */
async function fingerprintOf(payload: Payload, collection: Watched, where?: Where) {
  const found = await payload.find({
    collection,
    where,
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { updatedAt: true },
  })
  return `${found.totalDocs}@${found.docs[0]?.updatedAt ?? ''}`
}

/**
 * Keeps a process's delivery caches current with changes made by other processes (studio
 * instances, the worker): every CHANGE_POLL_MS it reads three small fingerprints and forgets
 * what they say changed. So another process's release is served, and a revoked key refused,
 * within about a second, not the caches' own bounds. Returns the stop function.
 */
export function watchDeliveryChanges(payload: Payload, intervalMs = CHANGE_POLL_MS): () => void {
  const last = new Map<Watched, string>()
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const poll = async () => {
    for (const { collection, where, forget } of WATCHED) {
      const fingerprint = await fingerprintOf(payload, collection, where)
      const before = last.get(collection)
      last.set(collection, fingerprint)
      if (before !== undefined && before !== fingerprint) forget()
    }
  }
  const loop = () => {
    poll()
      .catch((error: unknown) =>
        payload.logger.warn({ err: error }, 'delivery: could not check for changes; will retry'),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs).unref()
      })
  }
  loop()
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
