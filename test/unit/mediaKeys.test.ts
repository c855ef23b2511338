import { describe, expect, it } from 'vitest'

import {
  assetKey,
  derivedKey,
  isSafeKey,
  parentKey,
  releaseKey,
  resolveRelativeKey,
  uploadKey,
} from '../../src/domain/storage/mediaKeys'

const SHA = 'ab'.repeat(32)

describe('media store keys', () => {
  it('should name each area as the store lays it out', () => {
    expect(uploadKey('animations', 'intro.mp4')).toBe('animations/intro.mp4')
    expect(derivedKey(SHA)).toBe(`derived/ab/${SHA}`)
    expect(derivedKey(SHA, 'video-360p/index.m3u8')).toBe(`derived/ab/${SHA}/video-360p/index.m3u8`)
    expect(assetKey(SHA)).toBe(`assets/ab/${SHA}`)
    expect(releaseKey('65f0c0ffee0000000000beef', 'mainstream.en-GB.bundle.zip')).toBe(
      'releases/65f0c0ffee0000000000beef/mainstream.en-GB.bundle.zip',
    )
  })

  it.each(['', '/etc/passwd', 'a//b', 'a/../b', '..', 'a/.', 'a\\b', 'a/\0b', 'derived/'])(
    'should refuse the unsafe key %j',
    (key) => expect(isSafeKey(key)).toBe(false),
  )

  it.each(['animations/intro.mp4', `derived/ab/${SHA}/.complete`, 'a/b..c'])(
    'should accept the key %j',
    (key) => expect(isSafeKey(key)).toBe(true),
  )

  it('should give the folder of a key', () => {
    expect(parentKey('a/b/c')).toBe('a/b')
    expect(parentKey('a')).toBeNull()
  })

  it('should resolve a playlist URI against the playlist that names it', () => {
    const master = `derived/ab/${SHA}/master.m3u8`
    expect(resolveRelativeKey(master, 'video-360p/index.m3u8')).toBe(
      `derived/ab/${SHA}/video-360p/index.m3u8`,
    )
    expect(resolveRelativeKey(`derived/ab/${SHA}/audio-0/index.m3u8`, '../x/./y.ts')).toBe(
      `derived/ab/${SHA}/x/y.ts`,
    )
  })

  it.each(['/etc/passwd', 'https://example.org/a.ts', '../../../../../x', 'file:a'])(
    'should not resolve the URI %j to a key',
    (uri) => expect(resolveRelativeKey('derived/ab/k/master.m3u8', uri)).toBeNull(),
  )
})
