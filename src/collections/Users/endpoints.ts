import type { Endpoint } from 'payload'

import { hasRole, staffUser } from '../../access/roles'
import { erasureRequestOf } from '../../domain/http/endpointBodies'
import { readJsonBody } from '../../endpoints/readJsonBody'
import { jsonError, refusalResponse } from '../../lib/http/jsonError'
import { eraseCoProducer } from '../../services/erasure/eraseCoProducer'

/** POST /api/users/:id/erase { pseudonym } — admins erase a co-producer's real name and email. */
const erase: Endpoint = {
  path: '/:id/erase',
  method: 'post',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to erase personal details.')
    if (!hasRole(req, 'admin')) return jsonError(403, 'Only admins can erase personal details.')
    const body = await readJsonBody(req, erasureRequestOf)
    if (!body.ok) return body.response
    const result = await eraseCoProducer(req, String(req.routeParams?.id), body.value.pseudonym)
    if (!result.ok) return refusalResponse(result)
    return Response.json({ message: result.message })
  },
}

export const userEndpoints: Endpoint[] = [erase]
