import { describe, expect, it, vi } from 'vitest'

import { cacheGeneration, createCache, forgetCaches } from '../../src/lib/cache'
import type * as cacheModule from '../../src/lib/cache'

describe('the in-process caches', () => {
  it('should trust an entry for its time to live, then read it again', () => {
    let now = 0
    const cache = createCache<string>({
      name: 'test-ttl',
      ttlMs: 1000,
      maxEntries: 10,
      now: () => now,
    })
    cache.set('a', 'x')
    now = 999
    expect(cache.get('a')).toBe('x')
    now = 1000
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('should keep at most maxEntries, letting the oldest go first', () => {
    const cache = createCache<number>({ name: 'test-size', ttlMs: null, maxEntries: 2 })
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('a', 3) // a write makes an entry the newest
    cache.set('c', 4)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([3, undefined, 4])
  })

  it('should keep the sizes of its values within maxBytes, letting the oldest go first', () => {
    const cache = createCache<string>({
      name: 'test-bytes',
      ttlMs: null,
      maxEntries: 100,
      maxBytes: 10,
      sizeOf: (value) => value.length,
    })
    cache.set('a', 'xxxx')
    cache.set('b', 'yyyy')
    cache.set('a', 'xxxxx') // replacing counts the new size only, and makes it the newest
    expect([cache.get('a'), cache.get('b')]).toEqual(['xxxxx', 'yyyy'])
    cache.set('c', 'zzz')
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['xxxxx', undefined, 'zzz'])
    cache.clear()
    cache.set('d', 'w'.repeat(10))
    expect(cache.get('d')).toBe('w'.repeat(10))
    // One value larger than the bound is still kept, alone: the caller asked for it.
    cache.set('e', 'v'.repeat(11))
    expect([cache.get('d'), cache.get('e')]).toEqual([undefined, 'v'.repeat(11)])
  })

  it('should forget every cache of a name, and no other', () => {
    const one = createCache<number>({ name: 'test-forget', ttlMs: null, maxEntries: 5 })
    const two = createCache<number>({ name: 'test-forget', ttlMs: null, maxEntries: 5 })
    const other = createCache<number>({ name: 'test-keep', ttlMs: null, maxEntries: 5 })
    for (const cache of [one, two, other]) cache.set('k', 1)
    forgetCaches('test-forget')
    expect([one.get('k'), two.get('k'), other.get('k')]).toEqual([undefined, undefined, 1])
  })

  it('should count each forgetting, so a value read before one is known to be stale', () => {
    const before = cacheGeneration('test-generation')
    forgetCaches('test-generation')
    forgetCaches('test-generation', 'test-other-generation')
    expect(cacheGeneration('test-generation')).toBe(before + 2)
  })

  it('should forget the caches of every copy of the module in the process', async () => {
    // Next bundles server code more than once: a second copy must see the first one's forgets.
    vi.resetModules()
    const copy: typeof cacheModule = await import('../../src/lib/cache')
    const elsewhere = copy.createCache<number>({ name: 'test-copies', ttlMs: null, maxEntries: 5 })
    elsewhere.set('k', 1)
    const generation = copy.cacheGeneration('test-copies')
    forgetCaches('test-copies')
    expect(elsewhere.get('k')).toBeUndefined()
    expect(copy.cacheGeneration('test-copies')).toBe(generation + 1)
  })
})
