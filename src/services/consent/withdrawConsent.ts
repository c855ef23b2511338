import type { PayloadRequest } from 'payload'

import { staffUser } from '../../access/roles'
import { idText } from '../../domain/refs'
import { CONSENT_PART_LABELS, type ConsentPart } from '../../domain/vocabulary'
import { inTurn } from '../../lib/inTurn'
import type { Consent } from '../../payload-types'
import { refuse, type Refusal } from '../refusal'

/**
 * A co-producer withdraws parts of their consent (or an admin does, on their word). Nothing
 * published changes; from now on preflight blocks releases that still use what was withdrawn
 * and the release panel shows which published releases hold it. The record's hook dates each
 * withdrawal, and the audit log names who did it by pseudonym.
 */
export function withdrawConsent(
  req: PayloadRequest,
  consentId: string,
  parts: ConsentPart[],
): Promise<{ ok: true; message: string; consent: Consent } | Refusal> {
  // A save writes the whole record: two withdrawals of one record at once would each keep only
  // its own dated entry. In turn, the second sees the first's.
  return inTurn(`consents.${consentId}`, () => withdrawNow(req, consentId, parts))
}

async function withdrawNow(
  req: PayloadRequest,
  consentId: string,
  parts: ConsentPart[],
): Promise<{ ok: true; message: string; consent: Consent } | Refusal> {
  const user = staffUser(req)
  if (!user) return refuse(401, 'Sign in to withdraw consent.')
  const record = await req.payload
    .findByID({
      collection: 'consents',
      id: consentId,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    .catch(() => null)
  // Someone else's record is "not found", so its existence says nothing about who co-produces.
  if (!record || (user.role !== 'admin' && idText(record.coProducer) !== idText(user.id))) {
    return refuse(404, 'Consent record not found.')
  }
  const notAgreed = parts.filter((part) => record[part] !== true)
  if (notAgreed.length > 0) {
    return refuse(
      400,
      `There is nothing to withdraw for: ${notAgreed.map((p) => `"${CONSENT_PART_LABELS[p]}"`).join(', ')}. It is not agreed to now.`,
    )
  }
  const consent = await req.payload.update({
    collection: 'consents',
    id: record.id,
    data: Object.fromEntries(parts.map((part) => [part, false])),
    depth: 0,
    overrideAccess: true,
    req,
  })
  return {
    ok: true,
    consent,
    message: `Withdrawn: ${parts.map((p) => `"${CONSENT_PART_LABELS[p]}"`).join(', ')}. New releases will not use it. Releases already published stay as they are.`,
  }
}
