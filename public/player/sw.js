// The toolkit player's service worker. It serves a downloaded release's files from Cache
// Storage, where the page put them only after checking each one's sha256, and keeps the
// player's own page and scripts so it opens without a network. It never talks to the delivery
// API and knows no key: a file that is not on the device is simply not found.
const ASSET_CACHE = 'cdm-player-assets'
const SHELL_CACHE = 'cdm-player-shell'
const ASSET_PATH = '/player/a/'

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (url.pathname.startsWith(ASSET_PATH)) event.respondWith(asset(request, url))
  else if (request.mode === 'navigate' && url.pathname.startsWith('/player'))
    event.respondWith(networkFirst(request, url.pathname))
  else if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/player/'))
    event.respondWith(cacheFirst(request))
})

async function asset(request, url) {
  const cache = await caches.open(ASSET_CACHE)
  const found = await cache.match(url.pathname)
  if (!found) return new Response('Not on this device.', { status: 404 })
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '')
  if (!range) return found
  // Media elements ask for ranges; the cache holds whole files.
  const body = await found.blob()
  const start = range[1] === '' ? Math.max(0, body.size - Number(range[2])) : Number(range[1])
  const end =
    range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), body.size - 1) : body.size - 1
  if (start >= body.size || start > end)
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${body.size}` } })
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      'content-type': found.headers.get('content-type') ?? 'application/octet-stream',
      'content-length': String(end - start + 1),
      'content-range': `bytes ${start}-${end}/${body.size}`,
      'accept-ranges': 'bytes',
    },
  })
}

async function networkFirst(request, path) {
  const cache = await caches.open(SHELL_CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(path, response.clone())
    return response
  } catch {
    return (await cache.match(path)) ?? Response.error()
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE)
  const found = await cache.match(request)
  if (found) return found
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}
