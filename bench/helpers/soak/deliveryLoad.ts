import autocannon from 'autocannon'

import type { RouteTally } from './tally'

export interface DeliveryRoute {
  name: string
  path: string
  connections: number
}

/**
 * Devices reading through the delivery API: one autocannon instance per route, all at once,
 * each with its own keep-alive connections in a closed loop, in a worker thread of its own so
 * the load generator does not share an event loop with the soak's other clients.
 */
export async function runDeliveryLoad(input: {
  baseUrl: string
  apiKey: string
  routes: readonly DeliveryRoute[]
  durationSeconds: number
}): Promise<RouteTally[]> {
  return Promise.all(
    input.routes.map(async (route) => {
      const result = await autocannon({
        url: `${input.baseUrl}${route.path}`,
        headers: { authorization: `delivery-apps API-Key ${input.apiKey}` },
        connections: route.connections,
        duration: input.durationSeconds,
        // autocannon's default, said out loud: an answer later than this counts as an error.
        timeout: 10,
        workers: 1,
      })
      const statuses: Record<string, number> = {}
      // autocannon files under "undefined" a response it could not match to a request's status
      // line, as happens once its timeout has reset a connection in the middle of a body.
      for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {}))
        statuses[status === 'undefined' ? 'no status (after a timeout)' : status] = Number(
          count ?? 0,
        )
      if (result.errors > result.timeouts)
        statuses['connection error'] = result.errors - result.timeouts
      if (result.timeouts > 0) statuses.timeout = result.timeouts
      const requests = Object.values(statuses).reduce((sum, n) => sum + n, 0)
      return {
        name: route.name,
        requests,
        requestsPerSecond: requests / result.duration,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        statuses,
        errors: requests - (statuses['200'] ?? 0),
      }
    }),
  )
}
