import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import type { RouteCallers } from './routeCallers'
import type { World } from './world'

/** One route as `METHOD /api/<collection><path>`, with Payload's own path pattern. */
export type RouteKey = string

export interface RouteContext {
  payload: Payload
  world: World
  callers: RouteCallers
}

export interface RouteRule {
  /** The routes this rule governs. */
  routes: RouteKey[]
  /** Who may use them, in words: the table in SECURITY.md. */
  who: string
  /** The test, over real HTTP; or where the test lives when it needs a production build. */
  check: ((context: RouteContext) => Promise<void>) | { provenIn: string }
  /** Routes that must not exist at all (Payload would serve them without the studio's config). */
  absent?: true
}

/** Every route Payload serves under /api for this config: collections' and the root's. */
export function payloadRouteKeys(payload: Payload): RouteKey[] {
  const keys: RouteKey[] = []
  for (const endpoint of payload.config.endpoints || []) {
    keys.push(`${endpoint.method.toUpperCase()} /api${endpoint.path}`)
  }
  for (const collection of payload.config.collections) {
    for (const endpoint of collection.endpoints || []) {
      keys.push(`${endpoint.method.toUpperCase()} /api/${collection.slug}${endpoint.path}`)
    }
  }
  return keys
}

const API_ROUTES_DIR = path.resolve('src/app/(payload)/api')

/**
 * Routes the Next route files answer besides Payload's REST handler (GraphQL, its playground,
 * CORS preflights), read from the files themselves so a new route file needs a rule too.
 */
export function routeFileKeys(): RouteKey[] {
  const keys: RouteKey[] = []
  for (const entry of fs.readdirSync(API_ROUTES_DIR)) {
    const file = path.join(API_ROUTES_DIR, entry, 'route.ts')
    if (!fs.existsSync(file)) continue
    const source = fs.readFileSync(file, 'utf8')
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)]
    for (const [, method] of methods) {
      // The catch-all file serves Payload's routes above; only its OPTIONS answers for any path.
      if (entry === '[...slug]') {
        if (method === 'OPTIONS') keys.push('OPTIONS /api/*')
        continue
      }
      keys.push(`${method} /api/${entry}`)
    }
  }
  return keys
}

/** `METHOD path` pairs for each collection: `on(['users'], 'GET /count')`. */
export function on(collections: readonly string[], ...routes: string[]): RouteKey[] {
  return collections.flatMap((collection) =>
    routes.map((route) => {
      const [method, routePath] = route.split(' ')
      return `${method} /api/${collection}${routePath}`
    }),
  )
}

/** A concrete URL for a route key: `:id` and friends filled in. */
export function urlFor(key: RouteKey, params: Record<string, string | number>): string {
  const [, pattern] = key.split(' ')
  return pattern
    .replace(/:([a-z0-9]+)\+?\??/gi, (_, name: string) => {
      const value = params[name]
      if (value === undefined) throw new Error(`no value for :${name} in ${key}`)
      return encodeURIComponent(String(value)).replace(/%2F/g, '/')
    })
    .replace(/\/$/, '')
}
