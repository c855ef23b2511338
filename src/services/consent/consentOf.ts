import type { PayloadRequest } from 'payload'

import { type PersonConsent, withdrawnParts } from '../../domain/consent/consentRules'
import { idText, type IdText } from '../../domain/refs'
import type { Consent } from '../../payload-types'

/** The consent record's choices and withdrawals in the domain's terms. */
export function personConsent(record: Consent, pseudonym: string): PersonConsent {
  const choices = {
    credit: record.credit === true,
    words: record.words === true,
    voice: record.voice === true,
  }
  const withdrawals = (record.withdrawals ?? []).map((w) => ({ part: w.part, at: w.at }))
  return { pseudonym, choices, withdrawn: withdrawnParts(choices, withdrawals) }
}

/**
 * The consent of each of these people who has a record, by user id, named by pseudonym (a
 * co-producer's display name). Read with access bypassed: callers show only pseudonyms.
 */
export async function consentOf(
  req: PayloadRequest,
  userIds: readonly IdText[],
): Promise<Record<IdText, PersonConsent>> {
  if (userIds.length === 0) return {}
  const common = { req, overrideAccess: true, depth: 0, pagination: false } as const
  const [records, users] = await Promise.all([
    req.payload.find({
      ...common,
      collection: 'consents',
      where: { coProducer: { in: [...userIds] } },
    }),
    req.payload.find({
      ...common,
      collection: 'users',
      where: { id: { in: [...userIds] } },
      select: { displayName: true },
    }),
  ])
  const names = new Map(users.docs.map((u) => [idText(u.id), u.displayName]))
  return Object.fromEntries(
    records.docs.map((record) => {
      const userId = idText(record.coProducer)
      return [userId, personConsent(record, names.get(userId) ?? 'A co-producer')]
    }),
  )
}
