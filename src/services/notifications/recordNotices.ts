import type { PayloadRequest } from 'payload'

import { composeNotice, type NoticeFacts } from '../../domain/notifications/composeEmail'
import { deliveryModeFor, dueAtFor } from '../../domain/notifications/emailPreference'
import type { IdText } from '../../domain/refs'
import { NOTIFICATION_QUEUE } from '../../jobs/queues'

/**
 * Writes one outbox row per recipient who wants the studio's emails, in the request's
 * transaction, and queues the job that sends them: a review never waits for, or fails on, an
 * SMTP server. A digest's first row also queues the job for when that digest is due.
 */
export async function recordNotices(
  req: PayloadRequest,
  recipients: IdText[],
  facts: NoticeFacts,
): Promise<number> {
  if (recipients.length === 0) return 0
  const { payload } = req
  const people = await payload.find({
    collection: 'users',
    where: { id: { in: recipients } },
    select: { emailPreference: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const notice = composeNotice(facts)
  const now = new Date()
  let recorded = 0
  let queueNow = false
  for (const person of people.docs) {
    const mode = deliveryModeFor(person.emailPreference)
    if (!mode) continue
    const dueAt = dueAtFor(mode, now)
    const waitingDigest =
      mode === 'digest' &&
      (
        await payload.count({
          collection: 'notifications',
          where: {
            and: [
              { recipient: { equals: person.id } },
              { mode: { equals: 'digest' } },
              { status: { in: ['pending', 'sending'] } },
            ],
          },
          overrideAccess: true,
          req,
        })
      ).totalDocs > 0
    await payload.create({
      collection: 'notifications',
      data: { recipient: person.id, kind: facts.kind, ...notice, mode, status: 'pending', dueAt },
      depth: 0,
      overrideAccess: true,
      req,
    })
    recorded += 1
    if (mode === 'immediate') queueNow = true
    else if (!waitingDigest) await queueSending(req, dueAt)
  }
  if (queueNow) await queueSending(req)
  return recorded
}

/** Queues a run of the sender, at once or not before `waitUntil`. */
export async function queueSending(req: PayloadRequest, waitUntil?: string): Promise<void> {
  await req.payload.jobs.queue({
    task: 'sendNotifications',
    queue: NOTIFICATION_QUEUE,
    input: {},
    ...(waitUntil ? { waitUntil: new Date(waitUntil) } : {}),
    req,
  })
}
