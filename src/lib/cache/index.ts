/**
 * The studio's in-process caches, in one place: each has a name, an explicit time to live and a
 * size bound, and can be forgotten by name when what it holds changes (the invalidation hooks
 * call forgetCaches). A cache here is only ever an optimisation: every value can be read again
 * from the database or the disk, which is what makes more than one studio process safe, within
 * each cache's time to live.
 */
export interface Cache<V> {
  readonly name: string
  get(key: string): V | undefined
  /** `since`: when the value was read, if before now; its time to live counts from then. */
  set(key: string, value: V, since?: number): void
  delete(key: string): void
  clear(): void
  readonly size: number
}

export interface CacheOptions {
  name: string
  /** How long an entry is trusted; null for values that can never go stale (content hashes). */
  ttlMs: number | null
  /** The oldest entry makes room beyond this. */
  maxEntries: number
  now?: () => number
}

const caches = new Map<string, Set<Cache<unknown>>>()

export function createCache<V>(options: CacheOptions): Cache<V> {
  const now = options.now ?? Date.now
  const entries = new Map<string, { value: V; until: number }>()
  const cache: Cache<V> = {
    name: options.name,
    get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.until <= now()) {
        entries.delete(key)
        return undefined
      }
      return entry.value
    },
    set(key, value, since) {
      entries.delete(key)
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!)
      entries.set(key, {
        value,
        until: options.ttlMs === null ? Number.POSITIVE_INFINITY : (since ?? now()) + options.ttlMs,
      })
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    get size() {
      return entries.size
    },
  }
  const named = caches.get(options.name) ?? new Set()
  named.add(cache as Cache<unknown>)
  caches.set(options.name, named)
  return cache
}

/** Empties every cache of these names in this process, e.g. after the data behind them changed. */
export function forgetCaches(...names: string[]): void {
  for (const name of names) for (const cache of caches.get(name) ?? []) cache.clear()
}
