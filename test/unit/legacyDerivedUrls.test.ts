import { describe, expect, it } from 'vitest'

import { legacyUrlsFromRefs, refsFromLegacyUrls } from '../../src/domain/media/legacyDerivedUrls'

const A = 'a'.repeat(64)
const C = 'c'.repeat(64)
const H = 'd'.repeat(64)
const url = (key: string, file: string) => `/api/media/derived/${key}/${file}`

/** A clip's processing record as the media job wrote it before keys and files. */
const legacy = {
  poster: {
    url: url(A, 'poster.jpg'),
    sizes: { thumbnail: url(A, 'poster-thumbnail.jpg'), card: url(A, 'poster-card.jpg') },
  },
  renditions: [{ label: '360p', file: '360p.mp4', url: url(A, '360p.mp4'), height: 360 }],
  offline: [
    {
      accentTag: 'en-GB',
      accentLabel: 'Geordie',
      url: url(C, 'offline.mp4'),
      bytes: 9,
      sha256Key: C,
    },
  ],
  hls: { key: H, url: url(H, 'master.m3u8') },
  sync: [{ accent: 'Geordie', inSync: true, message: 'ok' }],
  captions: [{ locale: 'en-GB', captionId: 3, errors: [], warnings: [], cueCount: 4 }],
  ffmpegRuns: 7,
}

const current = {
  poster: {
    key: A,
    file: 'poster.jpg',
    sizes: { thumbnail: 'poster-thumbnail.jpg', card: 'poster-card.jpg' },
  },
  renditions: [{ key: A, label: '360p', file: '360p.mp4', height: 360 }],
  offline: [{ accentTag: 'en-GB', accentLabel: 'Geordie', key: C, file: 'offline.mp4', bytes: 9 }],
  hls: { key: H, file: 'master.m3u8' },
  sync: legacy.sync,
  captions: legacy.captions,
  ffmpegRuns: 7,
}

describe('processing records written with derived-media URLs', () => {
  it('should name every file by key and file name instead', () => {
    expect(refsFromLegacyUrls(legacy)).toEqual(current)
  })

  it('should leave a record already in the new form as it is', () => {
    expect(refsFromLegacyUrls(current)).toEqual(current)
  })

  it("should convert a voice's and an animation's records too", () => {
    const voice = {
      probe: { streams: [] },
      normalised: { key: C, file: 'voice.m4a', url: url(C, 'voice.m4a'), inputLufs: -20 },
    }
    expect(refsFromLegacyUrls(voice)).toEqual({
      probe: { streams: [] },
      normalised: { key: C, file: 'voice.m4a', inputLufs: -20 },
    })
  })

  it('should give back URLs the old code reads, for a migration down', () => {
    const down = legacyUrlsFromRefs(current) as typeof legacy
    expect(down.poster).toEqual(legacy.poster)
    expect(down.offline).toEqual(legacy.offline)
    expect(down.hls).toMatchObject({ key: H, url: legacy.hls.url })
    expect(down.renditions[0]).toMatchObject(legacy.renditions[0])
    expect(refsFromLegacyUrls(down)).toEqual(current)
  })

  it('should keep values it does not know', () => {
    expect(refsFromLegacyUrls(null)).toBeNull()
    expect(refsFromLegacyUrls({ url: 'https://elsewhere.example/x.mp4', n: 1 })).toEqual({
      url: 'https://elsewhere.example/x.mp4',
      n: 1,
    })
  })
})
