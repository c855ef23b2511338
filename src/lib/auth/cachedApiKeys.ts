import crypto from 'node:crypto'
import type { AuthStrategy, Payload } from 'payload'

import { createCache, forgetCaches } from '../cache'

/**
 * The longest a revoked key (its app disabled, its key regenerated or revoked, the app deleted)
 * is still accepted by a process that did not make the change: the time it may remember a
 * key. The process that makes the change forgets at once.
 */
export const REVOCATION_BOUND_MS = 30_000
const MAX_REMEMBERED = 1_000

type RememberedApp = Record<string, unknown> & { id: number | string }

const CACHE = 'delivery-api-keys'
const INDEX_CACHE = 'delivery-api-key-indexes'

/** Forget every remembered key, e.g. after an app is changed, revoked or deleted. */
export function forgetApiKeys(): void {
  forgetCaches(CACHE)
}

/** The lookup index of a key, as Payload computes it (`apiKeyIndex`). */
export function apiKeyIndexOf(secret: string, key: string): string {
  return crypto.createHmac('sha256', secret).update(key).digest('hex')
}

/**
 * Who an `Authorization: <slug> API-Key <key>` header names, remembered for up to
 * REVOCATION_BOUND_MS. Unknown keys are never remembered, so a new key works at once. `now`
 * and `rememberMs` are for tests.
 */
export function apiKeyLookup(
  slug: string,
  options: { now?: () => number; rememberMs?: number } = {},
): (payload: Payload, header: string | null) => Promise<RememberedApp | null> {
  const remembered = createCache<RememberedApp>({
    name: CACHE,
    ttlMs: Math.min(options.rememberMs ?? REVOCATION_BOUND_MS, REVOCATION_BOUND_MS),
    maxEntries: MAX_REMEMBERED,
    now: options.now,
  })
  // The index of each header seen lately, so a remembered key costs no HMAC (a third of the
  // time of answering a 304). Bounded: a flood of made-up keys only pushes out older ones.
  const indexes = createCache<string>({
    name: INDEX_CACHE,
    ttlMs: null,
    maxEntries: MAX_REMEMBERED,
  })
  const prefix = `${slug} API-Key `
  // One lookup per key at a time: when a remembered key expires under load, the requests that
  // arrive meanwhile wait for that lookup instead of each querying the database.
  const pending = new Map<string, Promise<RememberedApp | null>>()
  return async (payload, header) => {
    if (!header?.startsWith(prefix)) return null
    let index = indexes.get(header)
    if (index === undefined) {
      index = apiKeyIndexOf(payload.secret, header.slice(prefix.length))
      indexes.set(header, index)
    }
    const known = remembered.get(index)
    if (known) return known
    const inFlight = pending.get(index)
    if (inFlight) return inFlight
    const lookup = findByKeyIndex(payload, slug, index)
      .then((user) => {
        if (user) remembered.set(index, user)
        return user
      })
      .finally(() => pending.delete(index))
    pending.set(index, lookup)
    return lookup
  }
}

/**
 * Payload's API-key strategy looks the key up in the database on every request, which is most
 * of the cost of serving a manifest. This strategy, placed before it, answers from
 * apiKeyLookup; unknown keys fall through to Payload's own check.
 */
export function cachedApiKeyStrategy(
  slug: string,
  options: { now?: () => number; rememberMs?: number } = {},
): AuthStrategy {
  const lookUp = apiKeyLookup(slug, options)
  return {
    name: `${slug}-api-key-cached`,
    authenticate: async ({ headers, payload }) => {
      const user = await lookUp(payload, headers.get('Authorization'))
      // A copy per request: Payload and hooks may add to req.user.
      return { user: user ? ({ ...user } as never) : null }
    },
  }
}

async function findByKeyIndex(payload: Payload, slug: string, index: string) {
  const found = await payload.find({
    collection: slug as 'delivery-apps',
    where: { apiKeyIndex: { equals: index } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  const doc = found.docs[0]
  return doc ? { ...doc, collection: slug, _strategy: 'api-key' } : null
}
