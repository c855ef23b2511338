// The studio's REST API in a process of its own, for measuring what an upload costs the server.
// Request bodies stream into the handler as Next's route handlers receive them (the integration
// tests' server buffers them, which would hide the very thing measured). The same request
// guards run first. Started with `node --expose-gc --import tsx`; prints "READY <port>".
//
//   GET /__memory/reset  collect garbage, then start a new measuring window
//   GET /__memory        the window's peak RSS, heap, external and ArrayBuffer bytes, sampled
//                        every 10 ms, beside the values at its start and after a GC at its end
//                        (what the request left behind)
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { getPayload, handleEndpoints } from 'payload'

import { apiGuards } from '../../src/endpoints/guards'
import { withRequestGuards } from '../../src/lib/http/requestGuards'
import config from '@payload-config'

type Sample = Pick<NodeJS.MemoryUsage, 'rss' | 'heapUsed' | 'external' | 'arrayBuffers'>

const sample = (): Sample => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage()
  return { rss, heapUsed, external, arrayBuffers }
}
let start = sample()
let peak = { ...start }
setInterval(() => {
  const now = sample()
  for (const key of Object.keys(peak) as (keyof Sample)[]) peak[key] = Math.max(peak[key], now[key])
}, 10).unref()

const payload = await getPayload({ config })
const email = process.env.BENCH_UPLOADER_EMAIL ?? 'uploader@bench.example'
const password = process.env.BENCH_UPLOADER_PASSWORD ?? 'bench-uploader-password'
const existing = await payload.find({ collection: 'users', where: { email: { equals: email } } })
if (existing.totalDocs === 0) {
  await payload.create({
    collection: 'users',
    data: { email, password, role: 'designer', displayName: 'Bench uploader' },
  })
}

const rest = withRequestGuards(
  (request: Request) => handleEndpoints({ config, request }),
  apiGuards,
)

/**
 * The request body as a web stream that reads only as fast as it is consumed. Node 20's
 * Readable.toWeb throws from inside the socket's data handler when the consumer cancels (as
 * Payload's parser does at a size limit), killing the process; after a cancel this discards
 * the rest instead, so the answer still reaches the client.
 */
function webBody(incoming: http.IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      incoming.on('data', (chunk: Buffer) => {
        if (cancelled) return
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause()
      })
      incoming.on('end', () => {
        if (!cancelled) controller.close()
      })
      incoming.on('error', (error) => {
        if (!cancelled) controller.error(error)
      })
    },
    pull() {
      incoming.resume()
    },
    cancel() {
      cancelled = true
      incoming.resume()
    },
  })
}

const server = http.createServer(async (incoming, outgoing) => {
  const url = incoming.url ?? '/'
  if (url.startsWith('/__memory')) {
    globalThis.gc?.()
    const after = sample()
    if (url === '/__memory/reset') {
      start = after
      peak = { ...start }
    }
    outgoing.setHeader('content-type', 'application/json')
    outgoing.end(JSON.stringify({ start, peak, after }))
    return
  }
  try {
    const headers = new Headers()
    for (const [key, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(key, value)
      else if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    }
    const hasBody = !['GET', 'HEAD'].includes(incoming.method ?? 'GET')
    const request = new Request(`http://${incoming.headers.host}${url}`, {
      method: incoming.method,
      headers,
      body: hasBody ? webBody(incoming) : undefined,
      duplex: 'half',
    } as RequestInit)
    const response = await rest(request)
    outgoing.statusCode = response.status
    response.headers.forEach((value, key) => outgoing.setHeader(key, value))
    if (response.body) Readable.fromWeb(response.body as never).pipe(outgoing)
    else outgoing.end()
  } catch (error) {
    outgoing.statusCode = 500
    outgoing.end(JSON.stringify({ errors: [{ message: String(error) }] }))
  }
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`)
})
