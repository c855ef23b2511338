export interface Header {
  key: string
  value: string
}

/**
 * Headers every response carries, whatever serves it: pages, API routes, uploaded and derived
 * media, Next's static files (set in next.config.ts).
 */
export const STATIC_SECURITY_HEADERS: readonly Header[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // Admin URLs carry document ids; no other site needs to learn them.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // The studio's own pages may use the microphone (voice comments in the script review); no
  // embedded or other origin may, and nothing may use the camera.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(self), geolocation=(), payment=()',
  },
]

/**
 * API responses are data, never documents to render: an uploaded SVG or HTML file opened in a
 * tab runs no script and loads nothing.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"

/** A year, for the studio's host and its subdomains (ASVS 14.4.5). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains'

/**
 * The admin's policy. Scripts: only Next's own, each carrying this response's nonce, and what
 * they load ('strict-dynamic'). Styles allow inline: React renders `style` attributes throughout
 * Payload's admin, and nonces cannot cover attributes. Media and workers allow blob: for the
 * HLS player; images allow data: and blob: for upload previews.
 */
export function adminContentSecurityPolicy(options: {
  nonce: string
  isDevelopment: boolean
  isTls: boolean
}): string {
  const directives = [
    "default-src 'self'",
    // React in development rebuilds server error stacks with eval; production never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isTls ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

/**
 * Whether the browser reached the studio over TLS: its public URL is https, or a trusted reverse
 * proxy says so. `X-Forwarded-Proto` is ignored unless TRUST_PROXY names how many proxies stand
 * in front of the studio. (Next's own idea of the request URL is no evidence: it builds the URL
 * from X-Forwarded-Proto, whoever sent it, and `next start` never terminates TLS itself.)
 */
export function isServedOverTls(options: {
  serverUrl: string
  forwardedProto: string | null
  trustedProxies: number
}): boolean {
  if (options.serverUrl.startsWith('https://')) return true
  if (options.trustedProxies === 0 || !options.forwardedProto) return false
  const hops = options.forwardedProto.split(',').map((hop) => hop.trim().toLowerCase())
  // Proxies that append: the outermost trusted one wrote the entry N places from the right.
  // Proxies that overwrite leave one entry, written by a trusted proxy.
  const outermost =
    hops.length >= options.trustedProxies ? hops[hops.length - options.trustedProxies] : hops[0]
  return outermost === 'https'
}

/**
 * TRUST_PROXY, the number of reverse proxies in front of the studio ("true" is one). Unset, 0,
 * false or anything else: none, so forwarded headers are ignored.
 */
export function trustedProxyCount(value: string | undefined): number {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === 'true') return 1
  return /^\d{1,2}$/.test(text) ? Number(text) : 0
}
