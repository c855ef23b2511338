import { expect } from 'vitest'

import { APP_COLLECTIONS, UPLOAD_COLLECTIONS } from './contentRoutes'
import { INTERNAL_COLLECTIONS } from './internalRoutes'
import { on, urlFor, type RouteRule } from '../helpers/routeTable'

const SIGN_IN_ROUTES = [
  'POST /login',
  'POST /logout',
  'GET /me',
  'POST /refresh-token',
  'POST /forgot-password',
  'POST /reset-password',
  'POST /unlock',
  'POST /verify/:id',
  'POST /first-register',
  'GET /init',
]

const CLOSED_ROUTES = [
  // Only scripts keep versions.
  ...on(
    [...APP_COLLECTIONS.filter((c) => c !== 'scripts'), ...INTERNAL_COLLECTIONS],
    'GET /versions/:id',
    'POST /versions/:id',
  ),
  // (GET /api/payload-preferences/versions is the preference named "versions".)
  ...on(
    [
      ...APP_COLLECTIONS.filter((c) => c !== 'scripts'),
      ...INTERNAL_COLLECTIONS.filter((c) => c !== 'payload-preferences'),
    ],
    'GET /versions',
  ),
  // Delivery apps sign in with an API key only; a session token would outlive revoking it.
  ...on(['delivery-apps'], ...SIGN_IN_ROUTES),
  // Email verification is off.
  'POST /api/users/verify/:id',
  // Uploads come from the admin's file picker; the server fetches no URLs.
  ...on(UPLOAD_COLLECTIONS, 'GET /paste-url/:id?'),
  ...on(INTERNAL_COLLECTIONS, 'POST /:id/duplicate'),
]

export const closedRules: RouteRule[] = [
  {
    routes: CLOSED_ROUTES,
    who: 'not offered: 404 for everyone (versions of collections without versions, sign-in routes of API-key apps, email verification, paste-from-URL, copies of Payload’s own records)',
    check: async ({ callers }) => {
      for (const key of CLOSED_ROUTES) {
        const [method] = key.split(' ')
        const url = urlFor(key, { id: 1 })
        for (const caller of ['admin', 'deliveryApp', 'anonymous'] as const) {
          const body = method === 'GET' ? undefined : {}
          const answer = await callers.call(caller, method, url, body)
          expect(answer.status, `${caller}: ${method} ${url} ${answer.text}`).toBe(404)
          expect(answer.text).not.toContain('refreshedToken')
        }
      }
    },
  },
]
