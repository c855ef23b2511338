import type { RouteHandler } from './requestGuards'
import {
  API_CONTENT_SECURITY_POLICY,
  isServedOverTls,
  STRICT_TRANSPORT_SECURITY,
  trustedProxyCount,
} from '../../domain/http/securityHeaders'

/**
 * The API's own security headers, on every answer of a route file (Payload's, the guards' and
 * the studio's endpoints alike): a policy under which nothing an API response holds can run or
 * be framed, and HSTS over TLS. The headers every response shares are set in next.config.ts.
 */
export function withSecurityHeaders<H extends RouteHandler>(handler: H): H {
  const decorated = async (request: Request, context: never) => {
    const response = await handler(request, context)
    const extra: [string, string][] = []
    // Payload gives XML uploads (SVG) a stricter policy of its own: keep it.
    if (!response.headers.has('content-security-policy')) {
      extra.push(['Content-Security-Policy', API_CONTENT_SECURITY_POLICY])
    }
    if (isTls(request)) extra.push(['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY])
    return withHeaders(response, extra)
  }
  return decorated as H
}

function isTls(request: Request): boolean {
  return isServedOverTls({
    serverUrl: process.env.SERVER_URL?.trim() ?? '',
    forwardedProto: request.headers.get('x-forwarded-proto'),
    trustedProxies: trustedProxyCount(process.env.TRUST_PROXY),
  })
}

function withHeaders(response: Response, extra: [string, string][]): Response {
  if (extra.length === 0) return response
  try {
    for (const [key, value] of extra) response.headers.set(key, value)
    return response
  } catch {
    // Some responses (redirects, fetched ones) have immutable headers: answer with a copy.
    const headers = new Headers(response.headers)
    for (const [key, value] of extra) headers.set(key, value)
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    })
  }
}
