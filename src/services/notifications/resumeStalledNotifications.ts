import type { Payload, Where } from 'payload'

import { CLAIM_STALE_MS } from './sendDueNotifications'
import { NOTIFICATION_QUEUE } from '../../jobs/queues'

/**
 * Notices nothing will send: due and waiting while no sender run is queued, or claimed by a
 * sender that died (its job row says "processing" forever). The worker and the server look
 * every few seconds and queue one run, which sends them. Returns whether it queued one.
 */
export async function resumeStalledNotifications(payload: Payload): Promise<boolean> {
  const now = Date.now()
  const stranded: Where = {
    or: [
      {
        and: [
          { status: { equals: 'pending' } },
          { dueAt: { less_than_equal: new Date(now).toISOString() } },
        ],
      },
      {
        and: [
          { status: { equals: 'sending' } },
          { claimedAt: { less_than: new Date(now - CLAIM_STALE_MS).toISOString() } },
        ],
      },
    ],
  }
  const waiting = await payload.count({
    collection: 'notifications',
    where: stranded,
    overrideAccess: true,
  })
  if (waiting.totalDocs === 0) return false
  const queued = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: NOTIFICATION_QUEUE } },
        { completedAt: { equals: null } },
        { processing: { equals: false } },
        { hasError: { not_equals: true } },
        // A digest's run waiting for tomorrow does not send what is due now.
        {
          or: [
            { waitUntil: { equals: null } },
            { waitUntil: { less_than_equal: new Date(now).toISOString() } },
          ],
        },
      ],
    },
    overrideAccess: true,
  })
  if (queued.totalDocs > 0) return false
  await payload.jobs.queue({ task: 'sendNotifications', queue: NOTIFICATION_QUEUE, input: {} })
  return true
}
