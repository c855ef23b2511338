// The delivery tier's own process (started by scripts/delivery.mjs): loads the studio's config
// to read the database, keeps the delivery catalog and API keys in memory, and answers
// `/api/delivery/*` on a plain node:http server. It runs no jobs and no start-up work of the
// studio's, and it never writes to the database. DELIVERY_WORKERS=<n> (default 1) runs n such
// processes sharing the port (node:cluster), as nginx runs a worker per core; each keeps its
// own catalog, so they need nothing from each other.
import cluster from 'node:cluster'
import http from 'node:http'
import { getPayload } from 'payload'

import config from '../payload.config'
import { deliveryListener } from '../src/endpoints/deliveryListener'
import { stampPeerAddress } from '../src/lib/http/peerAddress.mjs'
import { watchDeliveryChanges } from '../src/services/delivery/deliveryChanges'

const port = Number(process.env.DELIVERY_PORT ?? 3001)
const hostname = process.env.DELIVERY_HOST ?? '0.0.0.0'
const workers = Math.max(1, Math.floor(Number(process.env.DELIVERY_WORKERS ?? 1)) || 1)

if (workers > 1 && cluster.isPrimary) superviseWorkers(workers)
else await serve()

/**
 * Forks the workers, the first alone (a process that starts on a database not yet migrated
 * migrates it, and two at once would collide), and replaces one that dies after it was ready;
 * one that fails to start stops them all.
 */
function superviseWorkers(count: number) {
  let stopping = false
  const readyPids = new Set<number>()
  const fork = () =>
    cluster.fork().on('message', function (this: typeof cluster.worker, message: unknown) {
      if (!(message as { ready?: boolean } | null)?.ready || !this?.process.pid) return
      readyPids.add(this.process.pid)
      if (readyPids.size === 1 && !started) {
        started = true
        for (let i = 1; i < count; i += 1) fork()
      }
      if (readyPids.size === count) process.send?.({ ready: true, port })
    })
  let started = false
  fork()
  cluster.on('exit', (worker, code, signal) => {
    const wasReady = readyPids.delete(worker.process.pid ?? -1)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    console.error(`delivery: worker ${worker.process.pid} exited (${signal ?? code})`)
    if (!wasReady) process.exit(1)
    fork()
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal)
      setTimeout(() => process.exit(0), 6_000).unref()
    })
}

async function serve() {
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
}
