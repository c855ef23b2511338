import crypto from 'node:crypto'
import type { AuthStrategy, Payload } from 'payload'

const REMEMBER_MS = 30_000
const MAX_REMEMBERED = 1_000

interface Remembered {
  user: Record<string, unknown> & { id: number | string }
  until: number
}

const remembered = new Map<string, Remembered>()

/** Forget every remembered key, e.g. after an app is changed, revoked or deleted. */
export function forgetApiKeys(): void {
  remembered.clear()
}

/**
 * Payload's API-key strategy looks the key up in the database on every request, which is most
 * of the cost of serving a manifest. This strategy, placed before it, remembers a valid key for
 * up to 30 s: a change to an app in this process forgets at once, in any other within 30 s.
 * Unknown keys are never remembered and fall through to Payload's own check.
 */
export function cachedApiKeyStrategy(slug: string): AuthStrategy {
  const prefix = `${slug} API-Key `
  return {
    name: `${slug}-api-key-cached`,
    authenticate: async ({ headers, payload }) => {
      const header = headers.get('Authorization')
      if (!header?.startsWith(prefix)) return { user: null }
      const index = crypto
        .createHmac('sha256', payload.secret)
        .update(header.slice(prefix.length))
        .digest('hex')
      const known = remembered.get(index)
      // A copy per request: Payload and hooks may add to req.user.
      if (known && known.until > Date.now()) return { user: { ...known.user } as never }
      const user = await findByKeyIndex(payload, slug, index)
      if (!user) return { user: null }
      if (remembered.size >= MAX_REMEMBERED) remembered.clear()
      remembered.set(index, { user, until: Date.now() + REMEMBER_MS })
      return { user: { ...user } as never }
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
