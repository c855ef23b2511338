import { GRAPHQL_POST } from '@payloadcms/next/routes'
import http from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { getPayload, handleEndpoints } from 'payload'

import { deliveryListener } from '@/endpoints/deliveryListener'
import { apiGuards } from '@/endpoints/guards'
import { withDeliveryCors } from '@/lib/http/deliveryCors'
import { PEER_ADDRESS_ENV, stampPeerAddress } from '@/lib/http/peerAddress.mjs'
import { withRequestGuards } from '@/lib/http/requestGuards'
import { withSecurityHeaders } from '@/lib/http/securityHeaders'
import config from '@payload-config'

// The same guards and headers as the Next routes in src/app/(payload)/api/.
const graphql = withSecurityHeaders(withRequestGuards(GRAPHQL_POST(config), apiGuards))
const rest = withSecurityHeaders(
  withDeliveryCors(
    withRequestGuards((request: Request) => handleEndpoints({ config, request }), apiGuards),
  ),
)

// The compression middleware Next's router (next/dist/server/lib/router-server.js) runs under
// `next start`; Next ships it untyped.
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  next: () => void,
) => void

// Like scripts/server.mjs, the production server: the app may trust the peer-address header.
process.env[PEER_ADDRESS_ENV] = '1'

export interface RestServer {
  url: string
  close: () => Promise<void>
}

/**
 * Serves Payload's REST and GraphQL handlers over real HTTP on loopback: the same handlers the
 * Next routes in src/app/(payload)/api/ call, so requests carry real headers, cookies and bodies
 * through access control, and the client's address as the production server stamps it. As in
 * scripts/server.mjs, the delivery tier answers `/api/delivery/*` in front of them, unless
 * `isDeliveryThroughPayload` asks for Payload's delivery endpoints instead.
 */
export async function startRestServer(
  options: {
    /** Compress responses as `next start` does (its router applies this same middleware). */
    isCompressedLikeNextStart?: boolean
    isDeliveryThroughPayload?: boolean
  } = {},
): Promise<RestServer> {
  const compress = options.isCompressedLikeNextStart ? compression() : null
  const delivery = options.isDeliveryThroughPayload
    ? null
    : deliveryListener(await getPayload({ config }))
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      stampPeerAddress(incoming)
      if (delivery && incoming.url?.startsWith('/api/delivery/'))
        return await delivery(incoming, outgoing)
      compress?.(incoming, outgoing, () => undefined)
      const chunks: Buffer[] = []
      for await (const chunk of incoming) chunks.push(chunk as Buffer)
      const body = chunks.length ? Buffer.concat(chunks) : undefined
      const headers = new Headers()
      for (const [key, value] of Object.entries(incoming.headers)) {
        if (typeof value === 'string') headers.set(key, value)
        else if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
      }
      const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
        method: incoming.method,
        headers,
        body: body && !['GET', 'HEAD'].includes(incoming.method ?? 'GET') ? body : undefined,
      })
      // As src/app/(payload)/api/graphql/route.ts: GraphQL answers POST, the REST handler OPTIONS.
      const isGraphql =
        new URL(request.url).pathname === '/api/graphql' && request.method === 'POST'
      const response = isGraphql ? await graphql(request) : await rest(request)
      outgoing.statusCode = response.status
      response.headers.forEach((value, key) => outgoing.setHeader(key, value))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      outgoing.statusCode = 500
      outgoing.end(JSON.stringify({ errors: [{ message: String(error) }] }))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
