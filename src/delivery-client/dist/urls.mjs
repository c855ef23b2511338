// Generated from src/delivery-client/urls.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { DeliveryError } from './errors.mjs'
/**
 * Refuses URLs over which the API key and the release would travel unprotected: anything but
 * https, except plain http to this machine (development, a local proxy).
 */
export function refuseInsecure(url, what) {
  if (url.protocol === 'https:') return
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return
  const how = url.protocol === 'http:' ? `plain http:// to ${url.host}` : `${url.protocol}`
  throw new DeliveryError(
    'insecure-url',
    `${what} uses ${how}: the API key and the release would cross the network unprotected. Use https:// (plain http is allowed only for localhost and loopback addresses).`,
    { url: url.toString() },
  )
}
/** `hostname` as URL normalises it (IPv4 dotted, IPv6 in brackets). */
function isLoopback(hostname) {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === '[::1]'
  )
}
/** A URL without credentials, shortened to path and query, for messages. */
export function displayUrl(url) {
  try {
    const parsed = new URL(url)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return url
  }
}
/** An error's message, with the socket error undici hides in `cause` ("other side closed"). */
export function describe(error) {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}
