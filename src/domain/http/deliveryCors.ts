/**
 * Cross-origin access to the delivery API (`/api/delivery/*`) for web apps served from other
 * origins, from `DELIVERY_CORS_ORIGINS`. Apps authenticate with an API key in `Authorization`,
 * never with cookies, so no response ever allows credentials: a page of a listed origin can read
 * what its own key may read, and a studio session cookie is useless to it.
 */
export type DeliveryCorsOrigins =
  { kind: 'none' } | { kind: 'any' } | { kind: 'listed'; origins: ReadonlySet<string> }

export const DELIVERY_CORS_METHODS = 'GET, HEAD, OPTIONS'
/** Authorization carries the API key; the rest are what players and sync clients send. */
export const DELIVERY_CORS_REQUEST_HEADERS = 'Authorization, Range, If-None-Match, If-Range'
/** ETag and Content-Range for caches and ranged reads; the signature headers verify manifests. */
export const DELIVERY_CORS_EXPOSED_HEADERS =
  'ETag, Content-Range, Content-Length, Accept-Ranges, X-CDM-Signature, X-CDM-Key-Id'
/** Short enough that a changed allow-list reaches browsers within minutes. */
export const DELIVERY_CORS_MAX_AGE_S = 600

/**
 * Parses `DELIVERY_CORS_ORIGINS`: a comma-separated list of origins (`https://app.example.org`,
 * `http://localhost:5173`), or `*` for any origin. Unset or empty allows none. Each origin is
 * normalised as browsers send it (lower-case host, default port dropped); anything else stops
 * start-up with the reason.
 */
export function parseDeliveryCorsOrigins(value: string | undefined): DeliveryCorsOrigins {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  if (entries.length === 0) return { kind: 'none' }
  if (entries.includes('*')) {
    if (entries.length > 1)
      throw new Error(
        `DELIVERY_CORS_ORIGINS "${value}" mixes * with origins: use * alone (any origin) or list the origins.`,
      )
    return { kind: 'any' }
  }
  return { kind: 'listed', origins: new Set(entries.map((entry) => originOf(entry, value ?? ''))) }
}

function originOf(entry: string, value: string): string {
  const problem = (why: string) => new Error(`DELIVERY_CORS_ORIGINS "${value}": "${entry}" ${why}`)
  if (entry === 'null')
    throw problem(
      'is the origin of sandboxed frames and local files, which any page can claim: list real origins.',
    )
  if (entry.includes('*'))
    throw problem('has a wildcard, which only * alone may be: list each origin in full.')
  let url: URL
  try {
    url = new URL(entry)
  } catch {
    throw problem('is not an origin: use the form https://app.example.org.')
  }
  if (!/^https?:\/\//i.test(entry)) throw problem('must start with https:// (or http://).')
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    url.pathname !== '/' ||
    /[?#]/.test(entry)
  )
    throw problem(`must be an origin only (scheme, host and port), e.g. ${url.origin}.`)
  return url.origin
}

export interface CorsRequest {
  method: string
  origin: string | null
  /** `Access-Control-Request-Method`: present only on a preflight. */
  requestMethod: string | null
}

/**
 * How to answer a delivery request across origins. A preflight (OPTIONS with an origin and a
 * requested method) from an allowed origin is answered here, without reaching the API; other
 * requests from it get the allow and expose headers on the API's answer. An origin not allowed
 * gets no CORS header at all. `Vary: Origin` goes on every answer once any origin is allowed, so
 * a shared cache never hands one origin's answer to another.
 */
export function deliveryCorsAnswer(
  allowed: DeliveryCorsOrigins,
  request: CorsRequest,
): { isPreflight: boolean; headers: [string, string][] } {
  if (allowed.kind === 'none') return { isPreflight: false, headers: [] }
  const vary: [string, string][] = [['Vary', 'Origin']]
  const { origin } = request
  const isAllowed = origin !== null && (allowed.kind === 'any' || allowed.origins.has(origin))
  if (!isAllowed) return { isPreflight: false, headers: vary }
  const allowOrigin: [string, string] = [
    'Access-Control-Allow-Origin',
    allowed.kind === 'any' ? '*' : origin,
  ]
  if (request.method.toUpperCase() === 'OPTIONS' && request.requestMethod !== null) {
    return {
      isPreflight: true,
      headers: [
        ...vary,
        allowOrigin,
        ['Access-Control-Allow-Methods', DELIVERY_CORS_METHODS],
        ['Access-Control-Allow-Headers', DELIVERY_CORS_REQUEST_HEADERS],
        ['Access-Control-Max-Age', String(DELIVERY_CORS_MAX_AGE_S)],
      ],
    }
  }
  return {
    isPreflight: false,
    headers: [
      ...vary,
      allowOrigin,
      ['Access-Control-Expose-Headers', DELIVERY_CORS_EXPOSED_HEADERS],
    ],
  }
}
