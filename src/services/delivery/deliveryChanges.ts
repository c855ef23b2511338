import type { Payload, Where } from 'payload'

import { invalidateDeliveryCatalog } from './deliveryCatalog'

/** How often a delivery tier asks the database whether anything it answers from changed. */
export const CHANGE_POLL_MS = 1_000

type Watched = 'releases' | 'audiences'

const WATCHED: { collection: Watched; where?: Where; forget: () => void }[] = [
  // Drafts being edited are not delivered: only what delivery can see.
  {
    collection: 'releases',
    where: { status: { in: ['published', 'withdrawn'] } },
    forget: invalidateDeliveryCatalog,
  },
  { collection: 'audiences', forget: invalidateDeliveryCatalog },
]

/**
 * Changes here change the count or the newest `updatedAt`: a deletion lowers the count. (One
 * made and deleted between two polls changes neither: an audience's, which delivery only uses
 * to tell an unknown audience, is then seen within the catalog's own REFRESH_MS. API keys are
 * not watched: the tier remembers them for a second only, see deliveryApi.ts.)
 */
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
 * Keeps a process's delivery catalog current with changes made by other processes (studio
 * instances, the worker): every CHANGE_POLL_MS it reads two small fingerprints and forgets the
 * catalog when they change. So another process's release or withdrawal is served within about
 * a second, not the catalog's own REFRESH_MS. Returns the stop function.
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
