import { describe, expect, it } from 'vitest'

import { derivedKeysIn, derivedUrlPath } from '../../src/domain/media/derivedUrls'

const key = (c: string) => c.repeat(64)

describe('derivedKeysIn', () => {
  it('should collect the key of every derived URL in a processing record, however nested', () => {
    const details = {
      poster: {
        url: derivedUrlPath(key('a'), 'poster.jpg'),
        sizes: { card: derivedUrlPath(key('a'), 'poster-card.jpg') },
      },
      renditions: [{ label: '720p', url: derivedUrlPath(key('b'), '720p.mp4'), height: 720 }],
      offline: [{ accentTag: 'en-GB', url: derivedUrlPath(key('c'), 'offline.mp4') }],
      hls: { key: key('d'), url: derivedUrlPath(key('d'), 'master.m3u8') },
    }
    expect([...derivedKeysIn(details)].sort()).toEqual([key('a'), key('b'), key('c'), key('d')])
  })

  it('should ignore strings that only look like derived URLs, and empty records', () => {
    expect(
      derivedKeysIn([
        `https://elsewhere.example/api/media/derived/${key('e')}/x.mp4`,
        `/api/media/derived/${key('E')}/x.mp4`,
        `/api/media/derived/${'f'.repeat(63)}/x.mp4`,
        `/api/media/derived/${key('f')}`,
        42,
        null,
      ]).size,
    ).toBe(0)
    expect(derivedKeysIn(undefined).size).toBe(0)
  })
})
