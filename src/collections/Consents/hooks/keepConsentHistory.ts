import type { CollectionBeforeChangeHook } from 'payload'

import { withdrawalsIn } from '../../../domain/consent/consentRules'
import { asRelationId } from '../../../domain/refs'
import type { Consent } from '../../../payload-types'

/**
 * Every part that goes from agreed to not agreed is a withdrawal, whoever makes the change (an
 * admin in the form or the co-producer through the withdraw endpoint), so none goes unrecorded.
 * The admin who first records the consent is kept too.
 */
export const keepConsentHistory: CollectionBeforeChangeHook<Consent> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation === 'create') {
    return { ...data, withdrawals: [], recordedBy: req.user ? asRelationId(req.user.id) : null }
  }
  const after = { ...originalDoc, ...data }
  const added = withdrawalsIn(originalDoc ?? null, after, new Date().toISOString())
  if (added.length === 0) return data
  return { ...data, withdrawals: [...(originalDoc?.withdrawals ?? []), ...added] }
}
