// Generated from src/delivery-client/transport.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { aborted, raceAbort } from './abort.mjs'
import { DeliveryError } from './errors.mjs'
import { describe, displayUrl, refuseInsecure } from './urls.mjs'
const MAX_REDIRECTS = 5
const STATUS_CODES = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  410: 'gone',
}
export function createTransport({ baseUrl, origin, apiKey, fetch: doFetch }) {
  const base = baseUrl.replace(/\/+$/, '')
  const resolve = (url) =>
    /^https?:\/\//i.test(url) ? url : `${base}${url.startsWith('/') ? '' : '/'}${url}`
  async function send(target, init) {
    const headers = { ...init.headers }
    if (new URL(target).origin === origin) {
      headers.Authorization = `delivery-apps API-Key ${apiKey}`
    }
    try {
      return await raceAbort(
        doFetch(target, { headers, signal: init.signal, redirect: 'manual' }),
        init.signal,
      )
    } catch (error) {
      if (init.signal?.aborted) throw aborted(error)
      throw new DeliveryError(
        'network',
        `Could not reach ${displayUrl(target)}: ${describe(error)}.`,
        {
          url: target,
          cause: error,
        },
      )
    }
  }
  async function request(url, init = {}) {
    let target = resolve(url)
    // Redirects are followed by hand so the API key goes to the studio's own origin only,
    // never to a CDN or storage host an asset redirects to.
    for (let hops = 0; ; hops++) {
      const response = await send(target, init)
      if (isRedirect(response.status)) {
        target = await redirectTarget(response, target, hops)
        continue
      }
      if (response.ok || init.okStatuses?.includes(response.status)) return response
      throw await httpError(response, target)
    }
  }
  return { base, resolve, request }
}
function isRedirect(status) {
  return status >= 300 && status < 400 && status !== 304
}
async function redirectTarget(response, target, hops) {
  const location = response.headers.get('location')
  await response.body?.cancel()
  if (!location || hops >= MAX_REDIRECTS) {
    throw new DeliveryError(
      'bad-response',
      `${displayUrl(target)} redirected ${location ? 'too many times' : 'without a Location'}.`,
      { status: response.status, url: target },
    )
  }
  const next = new URL(location, target)
  // An https studio must not be talked down to plain http by a redirect.
  refuseInsecure(next, `${displayUrl(target)} redirected to a URL that`)
  return next.toString()
}
async function httpError(response, url) {
  const status = response.status
  const summary = (await serverMessage(response)) || response.statusText || 'no message'
  return new DeliveryError(
    STATUS_CODES[status] ?? 'http',
    `${summary} (HTTP ${status} from ${displayUrl(url)})`,
    { status, url },
  )
}
/** The API's error messages, or the start of whatever else the server sent. */
async function serverMessage(response) {
  let text
  try {
    text = await response.text()
  } catch {
    // The body could not be read; the status alone has to do.
    return ''
  }
  try {
    const body = JSON.parse(text)
    if (!Array.isArray(body?.errors)) return ''
    return body.errors
      .map((e) => (typeof e?.message === 'string' ? e.message : ''))
      .filter(Boolean)
      .join(' ')
  } catch {
    // Not the API's JSON (a proxy's HTML page, say): show the start of it instead.
    return text.replace(/\s+/g, ' ').trim().slice(0, 200)
  }
}
