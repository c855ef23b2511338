import { fetchManifest, keys, latest, type Studio } from './api'
import { DeliveryError } from './errors'
import { verifyManifest } from './signature'
import { syncRelease } from './syncRelease'
import { createTransport } from './transport'
import type { DeliveryClient, DeliveryClientOptions } from './types'
import { refuseInsecure } from './urls'

/** Default cap on a manifest's size, checked while it streams in and before it is parsed. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024

export function createDeliveryClient({
  baseUrl,
  apiKey,
  fetch: fetchImpl,
  maxManifestBytes = MAX_MANIFEST_BYTES,
}: DeliveryClientOptions): DeliveryClient {
  const origin = secureOrigin(baseUrl)
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new DeliveryError('invalid-argument', 'An API key is required.')
  }
  const http = createTransport({
    baseUrl,
    origin,
    apiKey,
    fetch: fetchImpl ?? globalThis.fetch.bind(globalThis),
  })
  const studio: Studio = { http, maxManifestBytes }
  return {
    baseUrl: http.base,
    latest: (query, options) => latest(studio, query, options),
    keys: (options) => keys(studio, options),
    fetchManifest: (url, options) => fetchManifest(studio, url, options),
    verifyManifest,
    syncRelease: (options) => syncRelease(studio, options),
  }
}

/** The origin of `baseUrl`, which must be https (or plain http to this machine). */
function secureOrigin(baseUrl: string): string {
  let parsed: URL
  try {
    parsed = new URL(baseUrl)
  } catch {
    throw new DeliveryError('invalid-argument', `baseUrl ${JSON.stringify(baseUrl)} is not a URL.`)
  }
  refuseInsecure(parsed, 'baseUrl')
  return parsed.origin
}
