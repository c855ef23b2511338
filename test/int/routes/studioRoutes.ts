import { expect } from 'vitest'

import { REFUSED } from './contentRoutes'
import { CALLERS } from '../helpers/routeCallers'
import { urlFor, type RouteRule } from '../helpers/routeTable'

const DELIVERY_ROUTES = [
  'GET /api/delivery/toolkits',
  'GET /api/delivery/toolkits/:slug/releases/latest',
  'GET /api/delivery/toolkits/:slug/releases/:version/manifest.json',
  'GET /api/delivery/toolkits/:slug/releases/:version/bundle.zip',
  'GET /api/delivery/toolkits/:slug/releases/:version/delta',
  'GET /api/delivery/assets/:name',
  'GET /api/delivery/keys',
]

const STAFF_ENDPOINTS = [
  'GET /api/scripts/:id/review',
  'POST /api/scripts/:id/review',
  'GET /api/scripts/:id/diff',
  'POST /api/clips/:id/confirm-media',
  'POST /api/releases/:id/preflight',
  'GET /api/releases/:id/summary',
  'GET /api/releases/:id/download',
  'POST /api/releases/:id/publish',
  'POST /api/releases/:id/withdraw',
  'POST /api/consents/:id/withdraw',
  'POST /api/users/:id/erase',
]

const PARAMS = {
  slug: 'any',
  version: '1.0.0',
  name: `${'a'.repeat(64)}.mp4`,
  key: 'k',
  file: 'x.mp4',
}

interface GraphqlAnswer {
  data?: Record<string, unknown> | null
  errors?: { message: string }[]
}

export const studioRules: RouteRule[] = [
  {
    routes: DELIVERY_ROUTES,
    who: 'delivery apps, with their API key; staff sessions and anonymous requests: 401 (the delivery tests cover the rest)',
    check: async ({ callers }) => {
      for (const caller of CALLERS) {
        const { status } = await callers.call(caller, 'GET', '/api/delivery/toolkits')
        expect(status, `${caller} lists toolkits for delivery`).toBe(
          caller === 'deliveryApp' ? 200 : 401,
        )
      }
      for (const key of DELIVERY_ROUTES) {
        const url = urlFor(key, PARAMS)
        for (const caller of ['anonymous', 'designer'] as const) {
          const { status } = await callers.call(caller, 'GET', url)
          expect(status, `${caller}: ${url}`).toBe(401)
        }
      }
    },
  },
  {
    routes: ['GET /api/media/derived/:key/:file+'],
    who: 'staff (a co-producer: only media of assigned clips, the delivery tests); delivery apps and anonymous requests: 401',
    check: async ({ callers }) => {
      for (const caller of ['anonymous', 'deliveryApp'] as const) {
        const { status } = await callers.call(caller, 'GET', '/api/media/derived/abc/x.mp4')
        expect(status, caller).toBe(401)
      }
    },
  },
  {
    routes: STAFF_ENDPOINTS,
    who: 'staff by role, as README describes (review: reviewers of the script; releases: publishers and admins); proven in coproduction.test.ts, releases.test.ts and consent.test.ts; delivery apps and anonymous requests: refused',
    check: async ({ callers, world }) => {
      const id = world.docs.scripts.unassigned
      for (const key of STAFF_ENDPOINTS) {
        const [method] = key.split(' ')
        const url = urlFor(key, { id })
        for (const caller of ['anonymous', 'deliveryApp'] as const) {
          const { status } = await callers.call(
            caller,
            method,
            url,
            method === 'POST' ? {} : undefined,
          )
          expect(REFUSED, `${caller}: ${method} ${url}`).toContain(status)
        }
      }
    },
  },
  {
    routes: ['GET /api/access'],
    who: "anyone: the caller's own permissions; anonymous requests and delivery apps may do nothing",
    check: async ({ callers }) => {
      for (const caller of ['anonymous', 'deliveryApp'] as const) {
        const answer = await callers.call<{ collections: Record<string, Record<string, unknown>> }>(
          caller,
          'GET',
          '/api/access',
        )
        expect(answer.status).toBe(200)
        for (const [collection, permissions] of Object.entries(answer.json.collections)) {
          const granted = Object.keys(permissions).filter(
            (operation) => operation !== 'fields' && permissions[operation],
          )
          expect(granted, `${caller} on ${collection}`).toEqual([])
        }
      }
    },
  },
  {
    routes: ['POST /api/graphql'],
    who: "the same operations and access rules as REST; Payload's internal collections and delivery apps are not in the schema; no introspection in production (e2e)",
    check: async ({ callers, world }) => {
      const ask = (caller: (typeof CALLERS)[number], query: string) =>
        callers.call<GraphqlAnswer>(caller, 'POST', '/api/graphql', { query })
      for (const query of [
        '{ PayloadLockedDocuments { docs { id } } }',
        '{ PayloadPreferences { docs { id } } }',
        '{ PayloadJobs { docs { id } } }',
        '{ PayloadKvs { docs { id } } }',
        '{ DeliveryApps { docs { id } } }',
        'mutation { refreshTokenDeliveryApp { refreshedToken } }',
        'mutation { createPayloadLockedDocument(data: {}) { id } }',
      ]) {
        const answer = await ask('admin', query)
        expect(answer.json.errors?.[0]?.message ?? '', query).toMatch(/Cannot query field/)
      }
      const unlock = await ask(
        'designer',
        `mutation { unlockUser(email: "${world.users.otherCoProducer.email}") }`,
      )
      expect(unlock.json.errors?.length, 'a designer unlocks an account').toBeGreaterThan(0)
      const scripts = await ask('deliveryApp', '{ Scripts { docs { id title } } }')
      expect(scripts.json.data?.Scripts ?? null, 'a delivery app reads scripts').toBeNull()
    },
  },
  {
    routes: ['GET /api/graphql-playground'],
    who: 'off in production (404); development only',
    check: { provenIn: 'test/e2e/security-headers.e2e.test.ts' },
  },
  {
    routes: ['OPTIONS /api/*', 'OPTIONS /api/graphql'],
    who: 'anyone: CORS preflight answers (no data, no session)',
    check: async ({ callers }) => {
      for (const url of ['/api/users', '/api/graphql']) {
        const answer = await callers.call('anonymous', 'OPTIONS', url)
        expect(answer.status, url).toBe(200)
        expect(answer.text).toBe('{}')
      }
    },
  },
]
