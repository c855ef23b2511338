import type { Payload } from 'payload'

import { apiKeyIndexOf } from './cachedApiKeys'

/**
 * Migrates delivery-app keys stored before keys were kept as an index only: each encrypted
 * key is decrypted once to recompute its index (keys from before Payload 3.46 were indexed
 * with SHA-1), then the ciphertext is erased. Idempotent and cheap when there is nothing to do,
 * so every start runs it, on SQLite and MongoDB alike. Returns how many keys it migrated.
 */
export async function forgetStoredApiKeys(payload: Payload): Promise<number> {
  const { docs } = await payload.db.find<{ id: number | string; apiKey?: string | null }>({
    collection: 'delivery-apps',
    where: { apiKey: { exists: true } },
    limit: 0,
    pagination: false,
  })
  let migrated = 0
  for (const doc of docs) {
    if (typeof doc.apiKey !== 'string' || doc.apiKey === '') continue
    let index: string | undefined
    try {
      index = apiKeyIndexOf(payload.secret, payload.decrypt(doc.apiKey))
    } catch {
      // Encrypted under another secret: the stored index is the best there is; keep it.
    }
    await payload.db.updateOne({
      collection: 'delivery-apps',
      id: doc.id,
      data: { apiKey: null, ...(index ? { apiKeyIndex: index } : {}) },
    })
    migrated += 1
  }
  if (migrated > 0)
    payload.logger.info(
      `Erased ${migrated} stored delivery-app API key(s); only their index is kept.`,
    )
  return migrated
}
