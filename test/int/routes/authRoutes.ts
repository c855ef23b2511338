import { expect } from 'vitest'

import { REFUSED } from './contentRoutes'
import { CALLERS } from '../helpers/routeCallers'
import type { RouteRule } from '../helpers/routeTable'
import { PASSWORD } from '../helpers/world'

const NOT_OFFERED = 404

export const authRules: RouteRule[] = [
  {
    routes: ['POST /api/users/login'],
    who: 'anyone: signs in with email and password (throttling and messages: the sign-in tests)',
    check: async ({ callers, world }) => {
      for (const caller of ['anonymous', 'deliveryApp'] as const) {
        const answer = await callers.call<{ token?: string }>(caller, 'POST', '/api/users/login', {
          email: world.users.publisher.email,
          password: PASSWORD,
        })
        expect(answer.status).toBe(200)
        expect(answer.json.token).toBeTruthy()
      }
    },
  },
  {
    routes: ['POST /api/users/logout'],
    who: 'a signed-in person: ends their own session, whose token then stops working',
    check: async ({ world, callers }) => {
      const token = await callers.freshToken('designer')
      const headers = { authorization: `JWT ${token}` }
      const base = callers.baseUrl
      const logout = await fetch(`${base}/api/users/logout`, { method: 'POST', headers })
      expect(logout.status).toBe(200)
      const me = (await (await fetch(`${base}/api/users/me`, { headers })).json()) as {
        user: unknown
      }
      expect(me.user, `${world.users.designer.email} after logging out`).toBeNull()
      for (const caller of ['anonymous', 'deliveryApp'] as const) {
        const { status } = await callers.call(caller, 'POST', '/api/users/logout')
        expect(status, `${caller} logs out`).toBeGreaterThanOrEqual(400)
        expect(status).toBeLessThan(500)
      }
    },
  },
  {
    routes: ['GET /api/users/me'],
    who: "anyone: the caller's own account, or null; never someone else's",
    check: async ({ callers, world }) => {
      for (const caller of CALLERS) {
        const answer = await callers.call<{ user: { id: number } | null }>(
          caller,
          'GET',
          '/api/users/me',
        )
        expect(answer.status).toBe(200)
        const expected =
          caller === 'anonymous' || caller === 'deliveryApp' ? null : world.users[caller].id
        expect(answer.json.user?.id ?? null, caller).toBe(expected)
      }
    },
  },
  {
    routes: ['POST /api/users/refresh-token'],
    who: 'a signed-in person: a new token for their own session; nobody else gets one',
    check: async ({ callers }) => {
      const token = await callers.freshToken('coProducer')
      const refreshed = await fetch(`${callers.baseUrl}/api/users/refresh-token`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
      })
      expect(refreshed.status).toBe(200)
      for (const caller of ['anonymous', 'deliveryApp'] as const) {
        const answer = await callers.call(caller, 'POST', '/api/users/refresh-token')
        expect(REFUSED, `${caller} refreshes`).toContain(answer.status)
        expect(answer.text).not.toContain('refreshedToken')
      }
    },
  },
  {
    routes: ['POST /api/users/forgot-password', 'POST /api/users/reset-password'],
    who: 'not offered while the studio sends no email (404 with the reason): an admin sets a new password; over GraphQL too',
    check: async ({ callers, payload, world }) => {
      const email = world.users.otherCoProducer.email
      const forgot = await callers.call('anonymous', 'POST', '/api/users/forgot-password', {
        email,
      })
      expect(forgot.status, forgot.text).toBe(NOT_OFFERED)
      expect(forgot.text).toContain('ask an admin')
      const reset = await callers.call('anonymous', 'POST', '/api/users/reset-password', {
        token: 'a'.repeat(40),
        password: 'a new password for nobody',
      })
      expect(reset.status, reset.text).toBe(NOT_OFFERED)
      const graphql = await callers.call<{ errors?: unknown[] }>(
        'anonymous',
        'POST',
        '/api/graphql',
        {
          query: `mutation { forgotPasswordUser(email: "${email}") }`,
        },
      )
      expect(graphql.json.errors?.length, graphql.text).toBeGreaterThan(0)
      const user = await payload.find({
        collection: 'users',
        where: { email: { equals: email } },
        showHiddenFields: true,
      })
      expect(user.docs[0].resetPasswordToken ?? null, 'no reset token was issued').toBeNull()
    },
  },
  {
    routes: ['POST /api/users/unlock'],
    who: 'admins only: unlocks an account locked after failed sign-ins',
    check: async ({ callers, world }) => {
      const body = { email: world.users.otherCoProducer.email }
      for (const caller of [
        'anonymous',
        'deliveryApp',
        'coProducer',
        'publisher',
        'designer',
      ] as const) {
        const { status } = await callers.call(caller, 'POST', '/api/users/unlock', body)
        expect(REFUSED, `${caller} unlocks an account`).toContain(status)
      }
      expect((await callers.call('admin', 'POST', '/api/users/unlock', body)).status).toBe(200)
    },
  },
  {
    routes: ['POST /api/users/first-register'],
    who: 'only on an empty studio (the first account becomes the admin); refused once anyone exists',
    check: async ({ callers, payload }) => {
      const email = `intruder-${Date.now()}@attacker.example`
      for (const caller of ['anonymous', 'deliveryApp'] as const) {
        const { status } = await callers.call(caller, 'POST', '/api/users/first-register', {
          email,
          password: 'intruder-password-1',
          displayName: 'Intruder',
        })
        expect(REFUSED, `${caller} registers a first user`).toContain(status)
      }
      const made = await payload.count({ collection: 'users', where: { email: { equals: email } } })
      expect(made.totalDocs).toBe(0)
    },
  },
  {
    routes: ['GET /api/users/init'],
    who: "anyone: whether the studio has a first user yet (the admin's sign-in page asks); nothing else",
    check: async ({ callers }) => {
      const answer = await callers.call('anonymous', 'GET', '/api/users/init')
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual({ initialized: true })
    },
  },
]
