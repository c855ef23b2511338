import { NextResponse, type NextRequest } from 'next/server'

import {
  adminContentSecurityPolicy,
  isServedOverTls,
  STRICT_TRANSPORT_SECURITY,
  trustedProxyCount,
} from './domain/http/securityHeaders'

const PLAYER_SERVICE_WORKER = '/player/sw.js'

/**
 * Pages (the admin and the toolkit player): a Content Security Policy with a fresh nonce per
 * response, which Next reads from the request's CSP header and puts on its own scripts, and HSTS
 * when served over TLS. Both depend on the request or the running environment, so they are set
 * here rather than in next.config.ts, whose headers are fixed at build time (those are set
 * there). The player shares the admin's policy: it already allows media from blob: and workers
 * from 'self'.
 *
 * API routes are left out on purpose: Next buffers the body of every request a proxy sees
 * (10 MB by default, then truncates), which uploads cannot afford. Their headers are set by the
 * route files (src/lib/http/securityHeaders.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const isTls = isServedOverTls({
    serverUrl: process.env.SERVER_URL?.trim() ?? '',
    forwardedProto: request.headers.get('x-forwarded-proto'),
    trustedProxies: trustedProxyCount(process.env.TRUST_PROXY),
  })
  const policy = adminContentSecurityPolicy({
    nonce,
    isDevelopment: process.env.NODE_ENV === 'development',
    isTls,
  })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('content-security-policy', policy)
  requestHeaders.set('x-nonce', nonce)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', policy)
  if (isTls) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
  // The player's worker sits in /player/ but must control the page at /player itself.
  if (request.nextUrl.pathname === PLAYER_SERVICE_WORKER)
    response.headers.set('Service-Worker-Allowed', '/player')
  return response
}

export const config = {
  matcher: ['/((?!api(?:/|$)|_next/static/|_next/image|favicon\\.ico).*)'],
}
