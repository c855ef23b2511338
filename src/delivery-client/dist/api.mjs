// Generated from src/delivery-client/api.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { readCapped } from './body.mjs'
import { DeliveryError } from './errors.mjs'
import { parseManifest } from './manifest.mjs'
import { displayUrl } from './urls.mjs'
import { isObject } from './values.mjs'
// The other API answers are a few hundred bytes; this only stops a hostile server.
const MAX_JSON_BYTES = 1024 * 1024
async function getJson({ http }, url, init) {
  const response = await http.request(url, init)
  const bytes = await readCapped(response, {
    limit: MAX_JSON_BYTES,
    what: `The answer from ${displayUrl(http.resolve(url))}`,
    url: http.resolve(url),
    signal: init?.signal,
  })
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch (error) {
    throw new DeliveryError(
      'bad-response',
      `${displayUrl(http.resolve(url))} did not answer with JSON.`,
      { url: http.resolve(url), cause: error },
    )
  }
}
export async function latest(studio, { toolkit, audience, locale }, options = {}) {
  const query = new URLSearchParams({ audience, locale })
  const url = `/api/delivery/toolkits/${encodeURIComponent(toolkit)}/releases/latest?${query}`
  const body = await getJson(studio, url, options)
  if (!isObject(body) || typeof body.version !== 'string' || typeof body.manifestUrl !== 'string') {
    throw new DeliveryError(
      'bad-response',
      `${displayUrl(studio.http.resolve(url))} did not name a release version and manifest URL.`,
      { url: studio.http.resolve(url) },
    )
  }
  return {
    version: body.version,
    manifestUrl: body.manifestUrl,
    bundleUrl: typeof body.bundleUrl === 'string' ? body.bundleUrl : null,
    publishedAt: typeof body.publishedAt === 'string' ? body.publishedAt : '',
    withdrawn: Array.isArray(body.withdrawn) ? withdrawnList(body.withdrawn) : [],
  }
}
function withdrawnList(entries) {
  return entries
    .filter((w) => isObject(w) && typeof w.version === 'string')
    .map((w) => {
      const entry = w
      return {
        version: entry.version,
        reason: typeof entry.reason === 'string' ? entry.reason : null,
      }
    })
}
export async function keys(studio, options = {}) {
  const body = await getJson(studio, '/api/delivery/keys', options)
  if (!isObject(body) || !Array.isArray(body.keys)) {
    throw new DeliveryError('bad-response', '/api/delivery/keys did not list keys.')
  }
  return body.keys
}
export async function fetchSignedBytes({ http, maxManifestBytes }, url, { etag, signal }) {
  const response = await http.request(url, {
    headers: etag ? { 'If-None-Match': etag } : {},
    signal,
    okStatuses: [304],
  })
  if (response.status === 304) {
    await response.body?.cancel()
    return { notModified: true }
  }
  // Read with a cap, before any parsing: a hostile server could send an endless manifest.
  const bytes = await readCapped(response, {
    limit: maxManifestBytes,
    what: 'The manifest',
    url: http.resolve(url),
    signal,
  })
  const signature = response.headers.get('x-cdm-signature')
  const keyId = response.headers.get('x-cdm-key-id')
  if (!signature || !keyId) {
    throw new DeliveryError(
      'bad-signature',
      `The manifest from ${displayUrl(http.resolve(url))} came without X-CDM-Signature and X-CDM-Key-Id headers, so it cannot be trusted.`,
      { url: http.resolve(url) },
    )
  }
  return {
    bytes,
    signature: signature.trim(),
    keyId: keyId.trim(),
    etag: response.headers.get('etag'),
  }
}
export async function fetchManifest(studio, url, options = {}) {
  const got = await fetchSignedBytes(studio, url, options)
  if ('notModified' in got) return got
  return { ...got, manifest: parseManifest(got.bytes) }
}
