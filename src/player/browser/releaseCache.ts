import { ASSET_PATH } from '../model/clipSources'

/**
 * Cache Storage holding a release's files once verified, under the URLs the service worker
 * serves (`/player/a/<file>`, the manifest's name, `<sha256>.<ext>`). Content-addressed: a file
 * in the cache is the file its name says, for every release that lists it.
 */
const cachedUrl = (file: string) => `${ASSET_PATH}${file}`
export const ASSET_CACHE = 'cdm-player-assets'
export const SHELL_CACHE = 'cdm-player-shell'

export async function hasAsset(file: string): Promise<boolean> {
  const cache = await caches.open(ASSET_CACHE)
  return (await cache.match(cachedUrl(file))) !== undefined
}

export async function putAsset(file: string, bytes: ArrayBuffer, mime: string): Promise<void> {
  const cache = await caches.open(ASSET_CACHE)
  await cache.put(
    cachedUrl(file),
    new Response(bytes, {
      headers: { 'content-type': mime, 'content-length': String(bytes.byteLength) },
    }),
  )
}

export async function readAssetText(file: string): Promise<string | null> {
  const cache = await caches.open(ASSET_CACHE)
  const found = await cache.match(cachedUrl(file))
  return found ? found.text() : null
}

/**
 * The page and the scripts and styles it loaded, so the player opens with no network. The
 * service worker keeps them fresh when online; this fills the cache on the first visit, before
 * the worker controlled the page.
 */
export async function cacheAppShell(): Promise<void> {
  const urls = new Set<string>([location.pathname])
  for (const entry of performance.getEntriesByType('resource')) {
    const url = new URL(entry.name)
    if (url.origin === location.origin && url.pathname.startsWith('/_next/static/'))
      urls.add(url.pathname + url.search)
  }
  for (const element of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
    'script[src], link[rel="stylesheet"], link[rel="manifest"], link[rel="icon"]',
  )) {
    const url = new URL('src' in element ? element.src : element.href)
    if (url.origin === location.origin && !url.pathname.startsWith(ASSET_PATH))
      urls.add(url.pathname + url.search)
  }
  const cache = await caches.open(SHELL_CACHE)
  await Promise.all(
    [...urls].map(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' })
      if (response.ok) await cache.put(url, response)
    }),
  )
}
