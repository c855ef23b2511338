// Closed-loop HTTP load generator, run in a worker thread (see load.ts) so it does not share an
// event loop with the server it measures. Each of `connections` loops sends a request over a
// keep-alive socket, reads the whole body, records the latency, and sends the next; a warm-up
// runs first and is not counted.
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'

/** @type {{ url: string, headers: Record<string, string>, connections: number, warmupMs: number, durationMs: number }} */
const options = workerData

const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections })
const target = new URL(options.url)

/** @returns {Promise<{ status: number, bytes: number }>} */
function request() {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        headers: options.headers,
        agent,
      },
      (res) => {
        let bytes = 0
        res.on('data', (chunk) => (bytes += chunk.length))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/**
 * @param {number} until performance.now() deadline
 * @param {number[] | null} latencies where to record, or null during warm-up
 */
async function loop(until, latencies, counts) {
  while (performance.now() < until) {
    const started = performance.now()
    try {
      const { status, bytes } = await request()
      if (latencies) {
        latencies.push(performance.now() - started)
        counts.bytes += bytes
        if (status !== 200) {
          counts.errors += 1
          counts.statuses[status] = (counts.statuses[status] ?? 0) + 1
        }
      }
    } catch (error) {
      if (latencies) {
        counts.errors += 1
        counts.lastError = String(error)
      }
    }
  }
}

async function phase(durationMs, record) {
  const latencies = record ? [] : null
  const counts = { bytes: 0, errors: 0, statuses: {}, lastError: null }
  const started = performance.now()
  const until = started + durationMs
  await Promise.all(
    Array.from({ length: options.connections }, () => loop(until, latencies, counts)),
  )
  return { latencies, counts, elapsedMs: performance.now() - started }
}

await phase(options.warmupMs, false)
const { latencies, counts, elapsedMs } = await phase(options.durationMs, true)
agent.destroy()
parentPort?.postMessage({ latencies, ...counts, elapsedMs })
