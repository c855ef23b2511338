import type { Endpoint, PayloadRequest } from 'payload'

import { matchDeliveryRoute } from '../domain/delivery/routes'
import { answerAsResponse } from '../lib/http/answer'
import { answerDelivery } from '../services/delivery/deliveryApi'

/**
 * The delivery API through Payload's router, for `next dev` and any server that does not put the
 * delivery tier in front (scripts/server.mjs and `npm run delivery` do). Payload has already
 * checked the API key (the delivery apps' auth strategies); the answers are the tier's own.
 */
const PATHS = [
  '/delivery/toolkits',
  '/delivery/toolkits/:slug/releases/latest',
  '/delivery/toolkits/:slug/releases/:version/manifest.json',
  '/delivery/toolkits/:slug/releases/:version/bundle.zip',
  '/delivery/toolkits/:slug/releases/:version/delta',
  '/delivery/assets/:name',
  '/delivery/keys',
]

async function handler(req: PayloadRequest): Promise<Response> {
  const match = matchDeliveryRoute(new URL(req.url ?? '', 'http://studio').pathname)
  const answer = await answerDelivery(req.payload, match, {
    query: req.searchParams,
    // Next drops a route's Content-Encoding and would send gzipped bytes as if plain: through
    // here every answer is identity (Next's own compression honours their no-transform).
    header: (name) => (name === 'accept-encoding' ? null : req.headers.get(name)),
    isDeliveryApp: (req.user as { collection?: string } | null)?.collection === 'delivery-apps',
  })
  return answerAsResponse(answer)
}

export const deliveryEndpoints: Endpoint[] = PATHS.map((path) => ({
  path,
  method: 'get',
  handler,
}))
