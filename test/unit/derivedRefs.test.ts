import { describe, expect, it } from 'vitest'

import { derivedKeysIn, derivedUrlOf } from '../../src/domain/media/derivedRefs'

const key = (c: string) => c.repeat(64)

describe('derivedKeysIn', () => {
  it('should collect the key of every derived file in a processing record, however nested', () => {
    const details = {
      poster: { key: key('a'), file: 'poster.jpg', sizes: { card: 'poster-card.jpg' } },
      renditions: [{ key: key('b'), label: '720p', file: '720p.mp4', height: 720 }],
      offline: [{ accentTag: 'en-GB', key: key('c'), file: 'offline.mp4' }],
      hls: { key: key('d'), file: 'master.m3u8' },
      normalised: { key: key('e'), file: 'voice.m4a' },
    }
    expect([...derivedKeysIn(details)].sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map(key))
  })

  it('should ignore keys that are not content keys, strings and empty records', () => {
    expect(
      derivedKeysIn([
        { key: key('E'), file: 'x.mp4' },
        { key: 'f'.repeat(63), file: 'x.mp4' },
        { key: 42 },
        `/api/media/derived/${key('f')}/x.mp4`,
        42,
        null,
      ]).size,
    ).toBe(0)
    expect(derivedKeysIn(undefined).size).toBe(0)
  })
})

describe('derivedUrlOf', () => {
  it('should name the admin route of a derived file, built only at the HTTP edge', () => {
    expect(derivedUrlOf({ key: key('a'), file: 'video-360p/index.m3u8' })).toBe(
      `/api/media/derived/${key('a')}/video-360p/index.m3u8`,
    )
  })
})
