import type { RouteHandler } from './requestGuards'
import {
  deliveryCorsAnswer,
  parseDeliveryCorsOrigins,
  type DeliveryCorsOrigins,
} from '../../domain/http/deliveryCors'

const DELIVERY_PATH = '/api/delivery/'

let parsed: { value: string | undefined; origins: DeliveryCorsOrigins } | null = null

/** The allowed origins, parsed once per value of `DELIVERY_CORS_ORIGINS` (throws if invalid). */
export function deliveryCorsOrigins(): DeliveryCorsOrigins {
  const value = process.env.DELIVERY_CORS_ORIGINS
  if (parsed === null || parsed.value !== value)
    parsed = { value, origins: parseDeliveryCorsOrigins(value) }
  return parsed.origins
}

/**
 * CORS for the delivery API (src/domain/http/deliveryCors.ts). Wraps the guards too, so a web
 * app can read why a guard refused it; a preflight is answered before any guard or Payload sees
 * it. Other routes pass through untouched.
 */
export function withDeliveryCors<H extends RouteHandler>(handler: H): H {
  const decorated = async (request: Request, context: never) => {
    if (!new URL(request.url).pathname.startsWith(DELIVERY_PATH)) return handler(request, context)
    const answer = deliveryCorsAnswer(deliveryCorsOrigins(), {
      method: request.method,
      origin: request.headers.get('origin'),
      requestMethod: request.headers.get('access-control-request-method'),
    })
    if (answer.isPreflight) return new Response(null, { status: 204, headers: answer.headers })
    return withHeaders(await handler(request, context), answer.headers)
  }
  return decorated as H
}

/**
 * The delivery answer with only the delivery CORS headers: Payload puts its own methods and
 * headers (for its whole API, without an origin) on every response, which are not these.
 */
function withHeaders(response: Response, extra: [string, string][]): Response {
  const headers = new Headers(response.headers)
  for (const key of [...headers.keys()]) if (key.startsWith('access-control-')) headers.delete(key)
  for (const [key, value] of extra) {
    if (key === 'Vary') headers.append(key, value)
    else headers.set(key, value)
  }
  // A copy: Payload's responses may have immutable headers.
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  })
}
