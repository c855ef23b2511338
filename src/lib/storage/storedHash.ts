import { createHash } from 'node:crypto'

import type { MediaKey } from '../../domain/storage/mediaKeys'
import { createCache } from '../cache'
import { mediaStore } from './store'

// A version names one state of the bytes, so its hash never goes stale (see StoredObject).
const hashes = createCache<string>({ name: 'file-hashes', ttlMs: null, maxEntries: 10_000 })

/**
 * The sha256 and size of a stored object, streamed (uploads can be a gigabyte) and remembered by
 * the object's version: media jobs, preflight and release builds hash the same files again and
 * again. Not by key: HLS packages share segments, so the same bytes appear under many keys.
 * Rejects with code ENOENT when there is no object.
 */
export async function storedSha256(key: MediaKey): Promise<{ sha256: string; bytes: number }> {
  const store = mediaStore()
  const stat = await store.stat(key)
  if (!stat) throw Object.assign(new Error(`No stored media "${key}".`), { code: 'ENOENT' })
  const known = hashes.get(stat.version)
  if (known) return { sha256: known, bytes: stat.bytes }
  const hash = createHash('sha256')
  for await (const chunk of await store.stream(key, { chunkBytes: 1 << 20 }))
    hash.update(chunk as Buffer)
  const sha256 = hash.digest('hex')
  hashes.set(stat.version, sha256)
  return { sha256, bytes: stat.bytes }
}
