import type { Payload, Where } from 'payload'

import { retryDelayMs } from '../../domain/jobs/retry'
import {
  composeDigestEmail,
  composeSingleEmail,
  type Email,
} from '../../domain/notifications/composeEmail'
import { withoutAddresses } from '../../domain/notifications/withoutAddresses'
import { idText } from '../../domain/refs'
import { inTurn } from '../../lib/inTurn'
import type { Notification, User } from '../../payload-types'

/** Tries before a notice is given up: waits of 30 s, 1, 2, 4, 8, 16 and 32 min, about an hour. */
export const MAX_SEND_ATTEMPTS = 8
/** A row a sender took this long ago and never finished was left by a process that died. */
export const CLAIM_STALE_MS = 5 * 60_000

export interface SendReport {
  sent: number
  failed: number
  skipped: number
  /** The earliest time a notice that failed for now should be tried again. */
  retryAt: string | null
}

/**
 * Sends every notice that is due: each immediate one on its own, and for each person whose
 * digest is due, everything of theirs waiting in one email. A row is claimed before it is sent
 * and marked sent after, so a sender killed in between sends it again later (at least once,
 * never lost). Without an email adapter (no SMTP_URL) the email goes to the server log, without
 * its address. Runs in one process take turns (Payload runs a queue's jobs side by side);
 * across processes the claim decides (see claimNotification).
 */
export function sendDueNotifications(
  payload: Payload,
  now: Date = new Date(),
): Promise<SendReport> {
  return inTurn('notifications.send', () => sendNow(payload, now))
}

async function sendNow(payload: Payload, now: Date): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0, skipped: 0, retryAt: null }
  const due = await findNotifications(payload, [
    { dueAt: { less_than_equal: now.toISOString() } },
    claimable(now),
  ])
  // The person was deleted since: there is nobody to tell.
  const orphans = due.filter((n) => !idText(n.recipient))
  report.skipped += orphans.length
  await finish(payload, orphans, { status: 'skipped' })
  for (const row of due.filter((n) => n.mode === 'immediate' && idText(n.recipient))) {
    await sendBatch(payload, [row], now, report, (person, notices) =>
      composeSingleEmail({
        recipientName: person.displayName || 'there',
        notice: notices[0],
        accountLink: accountLink(payload),
      }),
    )
  }
  const digestRecipients = new Set(
    due.filter((n) => n.mode === 'digest' && idText(n.recipient)).map((n) => idText(n.recipient)),
  )
  for (const recipient of digestRecipients) {
    // Everything of theirs waiting goes in the one email, items not yet due included.
    const waiting = await findNotifications(payload, [
      { recipient: { equals: recipient } },
      { mode: { equals: 'digest' } },
      claimable(now),
    ])
    await sendBatch(payload, waiting, now, report, (person, notices) =>
      composeDigestEmail({
        recipientName: person.displayName || 'there',
        notices,
        accountLink: accountLink(payload),
      }),
    )
  }
  return report
}

type Compose = (person: User, notices: { subject: string; text: string }[]) => Email

async function sendBatch(
  payload: Payload,
  rows: Notification[],
  now: Date,
  report: SendReport,
  compose: Compose,
): Promise<void> {
  const claimed = await claim(payload, rows, now)
  if (claimed.length === 0) return
  const person = await payload
    .findByID({
      collection: 'users',
      id: idText(claimed[0].recipient),
      depth: 0,
      overrideAccess: true,
    })
    .catch(() => null)
  if (!person || person.emailPreference === 'none') {
    report.skipped += claimed.length
    return finish(payload, claimed, { status: 'skipped' })
  }
  const email = compose(person, claimed)
  try {
    await deliver(payload, person, email, claimed)
    report.sent += claimed.length
    await finish(payload, claimed, { status: 'sent', sentAt: new Date().toISOString() })
  } catch (error) {
    const reason = withoutAddresses((error as Error)?.message ?? String(error))
    payload.logger.warn(
      `Could not send notification(s) ${claimed.map((n) => n.id).join(', ')}: ${reason}`,
    )
    for (const row of claimed) {
      const attempts = (row.attempts ?? 0) + 1
      if (attempts >= MAX_SEND_ATTEMPTS) {
        report.failed += 1
        await finish(payload, [row], { status: 'failed', attempts, lastError: reason })
        continue
      }
      const retryAt = new Date(
        now.getTime() + retryDelayMs(attempts, { baseMs: 30_000, maxMs: 2 * 60 * 60_000 }),
      ).toISOString()
      if (!report.retryAt || retryAt < report.retryAt) report.retryAt = retryAt
      await finish(payload, [row], {
        status: 'pending',
        attempts,
        lastError: reason,
        dueAt: retryAt,
      })
    }
  }
}

async function deliver(payload: Payload, person: User, email: Email, rows: Notification[]) {
  if (payload.config.email) {
    await payload.sendEmail({ to: person.email, subject: email.subject, text: email.text })
    return
  }
  payload.logger.info(
    `Email not sent (no SMTP_URL is set) for user ${person.id}, notification(s) ${rows.map((n) => n.id).join(', ')}:\n${email.subject}\n\n${email.text}`,
  )
}

/** Pending, or taken by a sender that has not finished within CLAIM_STALE_MS (it died). */
function claimable(now: Date): Where {
  return {
    or: [
      { status: { equals: 'pending' } },
      {
        and: [
          { status: { equals: 'sending' } },
          { claimedAt: { less_than: new Date(now.getTime() - CLAIM_STALE_MS).toISOString() } },
        ],
      },
    ],
  }
}

async function findNotifications(payload: Payload, conditions: Where[]): Promise<Notification[]> {
  const { docs } = await payload.find({
    collection: 'notifications',
    where: { and: conditions },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs
}

/** The rows this sender now holds: a row another sender holds is left to it. */
async function claim(payload: Payload, rows: Notification[], now: Date): Promise<Notification[]> {
  const held: Notification[] = []
  for (const row of rows) {
    const claimed = await claimNotification(payload, row, now)
    if (claimed) held.push(claimed)
  }
  return held
}

/**
 * Takes one row for this sender, or null if another has it. One conditional write: an
 * UPDATE … WHERE on SQLite, findOneAndUpdate on MongoDB, so of two senders only one wins. Not
 * so on FerretDB 1.24, whose findAndModify is not atomic (README, "MongoDB and FerretDB").
 */
export async function claimNotification(
  payload: Payload,
  row: Notification,
  now: Date,
): Promise<Notification | null> {
  const claimed = await payload.db.updateOne({
    collection: 'notifications',
    where: {
      and: [
        { id: { equals: row.id } },
        claimable(now),
        // Still due: another sender may have tried it meanwhile and put it off (backoff).
        // A digest takes everything of its person's that waits, due or not.
        ...(row.mode === 'immediate' ? [{ dueAt: { less_than_equal: now.toISOString() } }] : []),
      ],
    },
    data: { status: 'sending', claimedAt: now.toISOString() },
    options: { atomic: true },
    returning: true,
  })
  return (claimed as unknown as Notification | null) ?? null
}

async function finish(payload: Payload, rows: Notification[], data: Partial<Notification>) {
  for (const row of rows) {
    await payload.update({
      collection: 'notifications',
      id: row.id,
      data,
      depth: 0,
      overrideAccess: true,
    })
  }
}

function accountLink(payload: Payload): string {
  return `${payload.config.serverURL}/admin/account`
}
