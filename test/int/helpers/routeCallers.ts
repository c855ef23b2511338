import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'

import { loginToken } from './studio'
import { PASSWORD, type World } from './world'

/** Everyone who can knock on a route: the four roles, a delivery app, and nobody. */
export const CALLERS = [
  'anonymous',
  'deliveryApp',
  'coProducer',
  'publisher',
  'designer',
  'admin',
] as const
export type Caller = (typeof CALLERS)[number]
export type StaffCaller = Exclude<Caller, 'anonymous' | 'deliveryApp'>
export const STAFF: readonly StaffCaller[] = ['coProducer', 'publisher', 'designer', 'admin']

export interface Answer<T = Record<string, unknown>> {
  status: number
  json: T
  text: string
}

export interface RouteCallers {
  /** A request as this caller: a JWT for staff, the API key for the delivery app, nothing else. */
  call<T = Record<string, unknown>>(
    caller: Caller,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<Answer<T>>
  /** A fresh JWT of its own session, for checks that end a session. */
  freshToken(caller: StaffCaller): Promise<string>
  baseUrl: string
  apiKey: string
  deliveryAppId: number | string
  remove(): Promise<void>
}

export async function makeRouteCallers(
  payload: Payload,
  world: World,
  baseUrl: string,
): Promise<RouteCallers> {
  const apiKey = `route-rules-key-${randomUUID()}`
  const app = await payload.create({
    collection: 'delivery-apps',
    data: { name: `Route rules ${apiKey}`, enableAPIKey: true, apiKey },
  })
  const freshToken = (caller: StaffCaller) =>
    loginToken(baseUrl, world.users[caller].email, PASSWORD)
  const tokens = new Map<StaffCaller, string>()
  for (const caller of STAFF) tokens.set(caller, await freshToken(caller))

  const authorization = (caller: Caller): Record<string, string> => {
    if (caller === 'anonymous') return {}
    if (caller === 'deliveryApp') return { authorization: `delivery-apps API-Key ${apiKey}` }
    return { authorization: `JWT ${tokens.get(caller)}` }
  }
  return {
    baseUrl,
    apiKey,
    deliveryAppId: app.id,
    freshToken,
    async call<T>(caller: Caller, method: string, url: string, body?: unknown) {
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { ...authorization(caller), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      let json: T
      try {
        json = JSON.parse(text) as T
      } catch {
        json = undefined as T
      }
      return { status: response.status, json, text }
    },
    async remove() {
      await payload.delete({ collection: 'delivery-apps', id: app.id }).catch(() => undefined)
    },
  }
}
