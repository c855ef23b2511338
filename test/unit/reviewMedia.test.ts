import { describe, expect, it } from 'vitest'

import { NO_REVIEW_MEDIA, reviewMediaOf } from '../../src/domain/scripts/reviewMedia'
import type { Clip } from '../../src/payload-types'

const key = 'a'.repeat(64)
const ref = (file: string) => ({ key, file, sha256: 'b'.repeat(64), bytes: 10 })

const clip = (overrides: Partial<Clip> = {}) =>
  ({
    processing: {
      status: 'ready',
      durationMs: 12_000,
      details: {
        poster: ref('poster.jpg'),
        offline: [{ ...ref('offline-geordie.mp4'), accentTag: 'en-GB-x-geordie' }],
      },
    },
    voiceTracks: [
      {
        accent: { id: 1, label: 'Geordie', tag: 'en-GB-x-geordie' },
        track: { id: 2, processing: { details: { normalised: ref('voice.m4a') } } },
        stale: true,
      },
      // Not readable by this person (not populated), or not processed yet: not offered.
      { accent: 3, track: 4 },
      {
        accent: { id: 5, label: 'Scouse', tag: 'en-GB-x-scouse' },
        track: { id: 6, processing: { details: null } },
      },
    ],
    ...overrides,
  }) as unknown as Clip

describe('the media a review can play', () => {
  it('should offer each processed voice by accent, and the clip per accent', () => {
    const prefix = `/api/media/derived/${key}`
    expect(reviewMediaOf(clip())).toEqual({
      durationMs: 12_000,
      poster: `${prefix}/poster.jpg`,
      voices: [
        {
          accentTag: 'en-GB-x-geordie',
          accentLabel: 'Geordie',
          url: `${prefix}/voice.m4a`,
          stale: true,
        },
      ],
      videos: [{ accentTag: 'en-GB-x-geordie', url: `${prefix}/offline-geordie.mp4` }],
    })
  })

  it('should offer nothing for a clip that is not processed, or not readable', () => {
    expect(reviewMediaOf(null)).toEqual(NO_REVIEW_MEDIA)
    const queued = clip({ processing: { status: 'queued' } } as Partial<Clip>)
    expect(reviewMediaOf(queued)).toEqual(NO_REVIEW_MEDIA)
  })
})
