import type { Payload } from 'payload'

import { assetAnswer, keysAnswer } from './assetAnswers'
import {
  bundleAnswer,
  deltaAnswer,
  latestAnswer,
  manifestAnswer,
  toolkitsAnswer,
  type DeliveryQuery,
} from './releaseAnswers'
import type { RouteMatch } from '../../domain/delivery/routes'
import { apiKeyLookup } from '../../lib/auth/cachedApiKeys'
import { errorAnswer, type HttpAnswer } from '../../lib/http/answer'

export type { DeliveryQuery } from './releaseAnswers'

const unauthorised = () =>
  errorAnswer(
    401,
    'A delivery app API key is required: send "Authorization: delivery-apps API-Key <key>".',
  )

/**
 * The delivery API's one implementation: every route's answer, whether it arrives through
 * Payload's endpoints (src/endpoints/delivery.ts) or the delivery tier's own server
 * (src/lib/http/deliveryListener.ts). `isDeliveryApp` says whether the caller proved it is one.
 */
export async function answerDelivery(
  payload: Payload,
  match: RouteMatch,
  request: DeliveryQuery & { isDeliveryApp: boolean },
): Promise<HttpAnswer> {
  // A path that names no route says nothing about the data: told before the key is asked for.
  if ('problem' in match) return errorAnswer(match.status, match.problem)
  if (!request.isDeliveryApp) return unauthorised()
  const { route } = match
  switch (route.name) {
    case 'toolkits':
      return toolkitsAnswer(payload)
    case 'latest':
      return latestAnswer(payload, request, route.slug)
    case 'manifest':
      return manifestAnswer(payload, request, route.slug, route.version)
    case 'bundle':
      return bundleAnswer(payload, request, route.slug, route.version)
    case 'delta':
      return deltaAnswer(payload, request, route.slug, route.version)
    case 'asset':
      return assetAnswer(payload, request, route.asset)
    case 'keys':
      return keysAnswer()
  }
}

/**
 * The tier remembers a key for a second only: a key deleted, revoked or regenerated anywhere is
 * refused within about a second, at the cost of one query per key per second.
 */
export const TIER_REVOCATION_BOUND_MS = 1_000
const deliveryAppOf = apiKeyLookup('delivery-apps', { rememberMs: TIER_REVOCATION_BOUND_MS })

/** Whether this Authorization header carries a delivery app's valid API key (remembered). */
export const isDeliveryAppKey = async (payload: Payload, authorization: string | null) =>
  (await deliveryAppOf(payload, authorization)) !== null
