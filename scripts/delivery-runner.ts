// The delivery tier's own process (started by scripts/delivery.mjs): loads the studio's config
// to read the database, keeps the delivery catalog and API keys in memory, and answers
// `/api/delivery/*` on a plain node:http server. It runs no jobs and no start-up work of the
// studio's, and it never writes to the database.
import http from 'node:http'
import { getPayload } from 'payload'

import config from '../payload.config'
import { deliveryListener } from '../src/endpoints/deliveryListener'
import { stampPeerAddress } from '../src/lib/http/peerAddress.mjs'
import { watchDeliveryChanges } from '../src/services/delivery/deliveryChanges'

const port = Number(process.env.DELIVERY_PORT ?? 3001)
const hostname = process.env.DELIVERY_HOST ?? '0.0.0.0'

const loaded = await config
const payload = await getPayload({
  config: {
    ...loaded,
    onInit: () => undefined,
    jobs: { ...loaded.jobs, autoRun: undefined },
    typescript: { ...loaded.typescript, autoGenerate: false },
  },
})
const stopWatching = watchDeliveryChanges(payload)
const answer = deliveryListener(payload)

const server = http.createServer((request, response) => {
  stampPeerAddress(request)
  void answer(request, response)
})
server.listen(port, hostname, () => {
  payload.logger.info(`delivery: listening on http://${hostname}:${port}/api/delivery/`)
  process.send?.({ ready: true, port: (server.address() as { port: number }).port })
})

const stop = () => {
  stopWatching()
  server.close(() => process.exit(0))
  // Keep-alive connections would hold close() open; a load balancer retries elsewhere.
  server.closeIdleConnections()
  setTimeout(() => process.exit(0), 5_000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
