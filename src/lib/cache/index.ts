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

export interface CacheOptions<V = unknown> {
  name: string
  /** How long an entry is trusted; null for values that can never go stale (content hashes). */
  ttlMs: number | null
  /** The oldest entry makes room beyond this. */
  maxEntries: number
  /** With `sizeOf`: the oldest entries make room once the values' sizes add up beyond this. */
  maxBytes?: number
  sizeOf?: (value: V) => number
  now?: () => number
}

interface Registry {
  caches: Map<string, Set<Cache<unknown>>>
  generations: Map<string, number>
}

// One registry per process, not per copy of this module: Next may compile server code into
// more than one bundle, each with its own copy, and a change one of them sees must reach the
// caches of all.
const REGISTRY = Symbol.for('cdm-studio.caches')
const registry = ((globalThis as Record<symbol, Registry | undefined>)[REGISTRY] ??= {
  caches: new Map(),
  generations: new Map(),
})
const { caches, generations } = registry

export function createCache<V>(options: CacheOptions<V>): Cache<V> {
  const now = options.now ?? Date.now
  const sizeOf = options.sizeOf ?? (() => 0)
  const entries = new Map<string, { value: V; until: number }>()
  let bytes = 0
  const remove = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= sizeOf(entry.value)
  }
  const cache: Cache<V> = {
    name: options.name,
    get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.until <= now()) {
        remove(key)
        return undefined
      }
      return entry.value
    },
    set(key, value, since) {
      remove(key)
      if (entries.size >= options.maxEntries) remove(entries.keys().next().value!)
      entries.set(key, {
        value,
        until: options.ttlMs === null ? Number.POSITIVE_INFINITY : (since ?? now()) + options.ttlMs,
      })
      bytes += sizeOf(value)
      const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY
      while (bytes > maxBytes && entries.size > 1) remove(entries.keys().next().value!)
    },
    delete: (key) => remove(key),
    clear: () => {
      entries.clear()
      bytes = 0
    },
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
  for (const name of names) {
    generations.set(name, cacheGeneration(name) + 1)
    for (const cache of caches.get(name) ?? []) cache.clear()
  }
}

/**
 * How many times the caches of this name were forgotten in this process: a value read before
 * the count changed may predate the change, and is not kept.
 */
export const cacheGeneration = (name: string): number => generations.get(name) ?? 0
