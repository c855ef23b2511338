import type { Endpoint, SanitizedCollectionConfig } from 'payload'

import { jsonError } from '../../lib/http/jsonError'

/** Payload's sign-in routes, added to every auth collection. */
const SIGN_IN_ROUTES = new Set([
  '/login',
  '/logout',
  '/me',
  '/refresh-token',
  '/forgot-password',
  '/reset-password',
  '/unlock',
  '/verify/:id',
  '/first-register',
  '/init',
])

const VERSION_ROUTES = new Set(['/versions', '/versions/:id'])

/** Jobs run in workers or the server's own schedule (README, "Workers"), never over HTTP. */
const JOB_ROUTES = new Set(['/run', '/handle-schedules'])

/**
 * Routes Payload adds to a collection that have no use in the studio: each is one more door
 * (several answer 500 when called, e.g. versions of a collection without versions).
 */
export function isUnusedRoute(collection: SanitizedCollectionConfig, endpoint: Endpoint): boolean {
  const { path } = endpoint
  if (VERSION_ROUTES.has(path)) return !collection.versions
  // Copying a lock, a preference or a job makes no sense.
  if (path === '/:id/duplicate') return collection.slug.startsWith('payload-')
  if (collection.slug === 'payload-jobs') return JOB_ROUTES.has(path)
  if (path === '/paste-url/:id?') return !collection.upload || !collection.upload.pasteURL
  if (collection.auth && SIGN_IN_ROUTES.has(path)) {
    // Delivery apps sign in with an API key only: a session (refresh-token) would outlive
    // revoking the key.
    if (collection.auth.disableLocalStrategy) return true
    if (path === '/verify/:id') return !collection.auth.verify
  }
  return false
}

/**
 * Unused routes answer 404 rather than disappear: a missing route would fall through to the
 * next pattern (GET /api/users/versions to GET /api/users/:id), which answers less clearly.
 */
export function closeUnusedRoutes(collection: SanitizedCollectionConfig): void {
  if (!collection.endpoints) return
  collection.endpoints = collection.endpoints.map((endpoint) =>
    isUnusedRoute(collection, endpoint) ? { ...endpoint, handler: notOffered } : endpoint,
  )
}

const notOffered = () => jsonError(404, 'CDM Studio does not offer this route.')
