import type { Endpoint } from 'payload'

import { staffUser } from '../../access/roles'
import { consentWithdrawalRequestOf } from '../../domain/http/endpointBodies'
import { CONSENT_PARTS } from '../../domain/vocabulary'
import { readJsonBody } from '../../endpoints/readJsonBody'
import { jsonError, refusalResponse } from '../../lib/http/jsonError'
import { withdrawConsent } from '../../services/consent/withdrawConsent'

/** POST /api/consents/:id/withdraw { parts: ["words", "voice", "credit"] } */
const withdraw: Endpoint = {
  path: '/:id/withdraw',
  method: 'post',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to withdraw consent.')
    const body = await readJsonBody(req, (raw) => consentWithdrawalRequestOf(raw, CONSENT_PARTS))
    if (!body.ok) return body.response
    const result = await withdrawConsent(req, String(req.routeParams?.id), body.value.parts)
    if (!result.ok) return refusalResponse(result)
    return Response.json({ message: result.message, doc: { id: result.consent.id } })
  },
}

export const consentEndpoints: Endpoint[] = [withdraw]
