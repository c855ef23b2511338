import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { isDeliveryPath, matchDeliveryRoute } from '../domain/delivery/routes'
import { deliveryCorsAnswer } from '../domain/http/deliveryCors'
import {
  API_CONTENT_SECURITY_POLICY,
  isServedOverTls,
  STATIC_SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  trustedProxyCount,
} from '../domain/http/securityHeaders'
import { errorAnswer, writeAnswer, type HttpAnswer } from '../lib/http/answer'
import { deliveryCorsOrigins } from '../lib/http/deliveryCors'
import { answerDelivery, isDeliveryAppKey } from '../services/delivery/deliveryApi'

export type DeliveryListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>

const ALLOW = 'GET, HEAD, OPTIONS'

/**
 * The delivery tier: `/api/delivery/*` answered on a plain node:http request, with no Next.js
 * and no Payload request handling on the way. Payload is only the catalog's and the API keys'
 * source (both remembered in memory). The same headers as through the studio's routes: the
 * security headers every response carries, the API's policy, HSTS over TLS, and CORS.
 */
export function deliveryListener(payload: Payload): DeliveryListener {
  const tls = {
    serverUrl: process.env.SERVER_URL?.trim() ?? '',
    trustedProxies: trustedProxyCount(process.env.TRUST_PROXY),
  }
  const baseHeaders: [string, string][] = [
    ...STATIC_SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value]),
    ['Content-Security-Policy', API_CONTENT_SECURITY_POLICY],
  ]
  return async (request, response) => {
    const headers = [...baseHeaders]
    const forwardedProto = request.headers['x-forwarded-proto']
    if (isServedOverTls({ ...tls, forwardedProto: single(forwardedProto) }))
      headers.push(['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY])
    const method = request.method ?? 'GET'
    try {
      const url = new URL(request.url ?? '/', 'http://delivery')
      const cors = deliveryCorsAnswer(deliveryCorsOrigins(), {
        method,
        origin: single(request.headers.origin),
        requestMethod: single(request.headers['access-control-request-method']),
      })
      headers.push(...cors.headers)
      const answer = cors.isPreflight
        ? { status: 204, headers: {}, body: null }
        : await answerFor(payload, method, url, request)
      await writeAnswer(response, answer, { isHead: method === 'HEAD', extraHeaders: headers })
    } catch (error) {
      payload.logger.error({ err: error, url: request.url }, 'delivery: request failed')
      if (response.headersSent) response.destroy()
      else await writeAnswer(response, failed(), { extraHeaders: headers })
    }
  }
}

async function answerFor(
  payload: Payload,
  method: string,
  url: URL,
  request: IncomingMessage,
): Promise<HttpAnswer> {
  if (!isDeliveryPath(url.pathname)) return errorAnswer(404, `No delivery route ${url.pathname}.`)
  if (method === 'OPTIONS') return { status: 204, headers: { Allow: ALLOW }, body: null }
  if (method !== 'GET' && method !== 'HEAD') {
    const answer = errorAnswer(405, `The delivery API is read-only: use ${ALLOW}, not ${method}.`)
    return { ...answer, headers: { ...answer.headers, Allow: ALLOW } }
  }
  const header = (name: string) => single(request.headers[name])
  return answerDelivery(payload, matchDeliveryRoute(url.pathname), {
    query: url.searchParams,
    header,
    isDeliveryApp: await isDeliveryAppKey(payload, header('authorization')),
  })
}

const failed = () =>
  errorAnswer(500, 'The delivery API could not answer this request; try again shortly.')

const single = (value: string | string[] | undefined): string | null =>
  Array.isArray(value) ? (value[0] ?? null) : (value ?? null)
