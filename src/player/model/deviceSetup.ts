/**
 * How the player learns which studio to use and its app key: typed on the setup screen, or
 * given in a link's fragment (`/player#studio=https://…&key=…`). A fragment never reaches a
 * server, so a link can be sent to a device without the key passing through logs.
 */
export interface Connection {
  studioUrl: string
  apiKey: string
}

export function connectionFromFragment(hash: string, fallbackStudio: string): Connection | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const apiKey = params.get('key')?.trim() ?? ''
  if (!apiKey) return null
  return { studioUrl: normaliseStudioUrl(params.get('studio') ?? fallbackStudio), apiKey }
}

/** The studio's origin without a trailing slash; what the person typed if it is not a URL. */
export function normaliseStudioUrl(text: string): string {
  try {
    const url = new URL(text.trim())
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`
  } catch {
    return text.trim()
  }
}

/**
 * A studio the player may talk to: https, or plain http on this machine only. A key sent over
 * plain http to another host could be read on the way.
 */
export function studioUrlProblem(studioUrl: string): 'invalid' | 'insecure' | null {
  let url: URL
  try {
    url = new URL(studioUrl)
  } catch {
    return 'invalid'
  }
  if (url.protocol === 'https:') return null
  if (url.protocol !== 'http:') return 'invalid'
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const isLoopback = host === 'localhost' || host === '::1' || /^127\./.test(host)
  return isLoopback ? null : 'insecure'
}
