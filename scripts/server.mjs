// The studio's production server (`npm start`): Next.js's request handler behind a plain Node
// HTTP server that stamps every request with its TCP peer's address first. Next.js gives route
// handlers no socket, and keeps a client's own X-Forwarded-For, so without this the sign-in
// throttles could not tell clients apart (src/lib/http/peerAddress.mjs, clientAddress.ts).
// In front of Next it runs the delivery tier: `/api/delivery/*` is answered without Next.js or
// Payload's request handling on the way, once Payload has started (until then Next's delivery
// routes answer). DELIVERY_IN_PROCESS=0 leaves delivery to Next's routes, as when
// `npm run delivery` serves it elsewhere.
//
//   node scripts/server.mjs [-p <port>] [-H <hostname>]     (defaults: $PORT or 3000, 0.0.0.0)
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { deliveryTier, expectDeliveryTier } from '../src/lib/http/deliveryTierSlot.mjs'
import { PEER_ADDRESS_ENV, stampPeerAddress } from '../src/lib/http/peerAddress.mjs'

const args = process.argv.slice(2)
const option = (short, long) => {
  const at = args.findIndex((arg) => arg === short || arg === long)
  return at === -1 ? undefined : args[at + 1]
}
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000)
const hostname = option('-H', '--hostname') ?? '0.0.0.0'

process.env.NODE_ENV ??= 'production'
process.env[PEER_ADDRESS_ENV] = '1'
if (process.env.DELIVERY_IN_PROCESS !== '0') expectDeliveryTier()

// Imported after NODE_ENV is settled, as `next start` does.
const { default: next } = await import('next')
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const app = next({ dev: false, dir, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

const server = http.createServer((request, response) => {
  stampPeerAddress(request)
  const tier = request.url?.startsWith('/api/delivery/') ? deliveryTier() : null
  if (tier) void tier(request, response)
  else handle(request, response)
})
server.listen(port, hostname, () => {
  console.log(`CDM Studio listening on http://${hostname}:${port}`)
})

const stop = () => server.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
