const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The studio's public origin from SERVER_URL, e.g. `https://studio.example.org`: links and
 * emails use it, and Payload accepts the session cookie only from requests sent by pages of this
 * origin (its CSRF allow-list). Production must name it; development may leave it unset (then
 * Payload uses relative URLs and checks no origin).
 *
 * In production the session cookie is `Secure`, which browsers keep only over https (or on
 * loopback), so a plain-http public URL could never sign anyone in: it stops start-up instead.
 */
export function resolveServerUrl(options: {
  nodeEnv: string | undefined
  serverUrl: string | undefined
  /** `next build` evaluates the config but serves nothing, so it needs no URL. */
  isBuildPhase?: boolean
}): string {
  const value = options.serverUrl?.trim() ?? ''
  const isProduction = options.nodeEnv === 'production' && !options.isBuildPhase
  if (value === '') {
    if (isProduction) {
      throw new Error(
        'SERVER_URL is required when NODE_ENV=production: set it to the public URL people open the studio at, e.g. SERVER_URL=https://studio.example.org. Payload accepts signed-in requests only from pages of that origin.',
      )
    }
    return ''
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`SERVER_URL "${value}" is not a URL: use the form https://studio.example.org.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SERVER_URL "${value}" must start with https:// (or http:// on localhost).`)
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `SERVER_URL "${value}" must be an origin only (scheme, host and port), e.g. ${url.origin}: the studio is served from the root of its host.`,
    )
  }
  if (isProduction && url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(
      `SERVER_URL "${value}" uses plain http: in production the session cookie is Secure and browsers drop it over http. Serve the studio over https (e.g. behind a TLS proxy) and set SERVER_URL=https://${url.host}.`,
    )
  }
  return url.origin
}

/** The origins whose pages may send requests with the session cookie: the studio's own. */
export function csrfAllowList(serverUrl: string): string[] {
  return serverUrl ? [serverUrl] : []
}
