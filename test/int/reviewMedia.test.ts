import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { ReviewFixture } from './helpers/review'
import { requestAs, setUpStudio } from './helpers/studio'
import { MediaFixtures } from './media/helpers/fixtures'
import type { ReviewMedia } from '../../src/domain/scripts/reviewMedia'
import type { Script } from '../../src/payload-types'

/**
 * What the review tab can play: the voice of each accent and the clip, as URLs the reviewer
 * may fetch, and each line's time in the clip, on real processed media.
 */
const studio = setUpStudio()
const f = new ReviewFixture(studio)
let made: ReleasableToolkit
let script: Script

interface ReviewBody {
  media: ReviewMedia
  script: {
    scenes: { lines: { lineId: string; timing: { startMs: number; endMs: number } | null }[] }[]
  }
}

beforeAll(async () => {
  await f.setUp()
  made = await makeReleasableToolkit(studio.payload, studio.world, new MediaFixtures())
  script = await f.createScript({ clip: made.clips[0].id })
}, 120_000)

afterAll(async () => {
  await f.cleanup()
  await made?.remove()
})

describe('the review of a script with media', () => {
  it('should offer the voice and the clip, and time every line across the clip', async () => {
    const review = await f.request<ReviewBody>(
      'coProducer',
      'GET',
      `/api/scripts/${script.id}/review`,
    )
    expect(review.status).toBe(200)
    const { media } = review.json
    expect(media.durationMs).toBeGreaterThan(1000)
    expect(media.voices).toEqual([
      expect.objectContaining({
        accentTag: made.accent.tag,
        accentLabel: 'Release accent',
        stale: false,
      }),
    ])
    expect(media.videos.map((v) => v.accentTag)).toEqual([made.accent.tag])
    const lines = review.json.script.scenes.flatMap((s) => s.lines)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines[0].timing!.startMs).toBe(0)
    expect(lines.at(-1)!.timing!.endMs).toBe(media.durationMs)
    for (const [i, line] of lines.entries()) {
      if (i > 0) expect(line.timing!.startMs).toBe(lines[i - 1].timing!.endMs)
      expect(line.timing!.endMs).toBeGreaterThan(line.timing!.startMs)
    }

    // The assigned co-producer can fetch what is offered; one not assigned cannot.
    for (const url of [media.voices[0].url, media.videos[0].url, media.poster!]) {
      const answer = await requestAs(studio.server.url, f.token('coProducer')!, 'GET', url)
      expect(answer.status, url).toBe(200)
      await answer.arrayBuffer()
      const other = await requestAs(studio.server.url, f.token('thirdCoProducer')!, 'GET', url)
      expect([403, 404], url).toContain(other.status)
    }
  })

  it('should offer nothing to play for a clip not processed yet, and no timings', async () => {
    const clip = await f.createClip()
    const bare = await f.createScript({ clip: clip.id })
    const review = await f.request<ReviewBody>(
      'coProducer',
      'GET',
      `/api/scripts/${bare.id}/review`,
    )
    expect(review.status).toBe(200)
    expect(review.json.media).toEqual({ durationMs: null, poster: null, voices: [], videos: [] })
    expect(review.json.script.scenes.flatMap((s) => s.lines.map((l) => l.timing))).toEqual(
      expect.arrayContaining([null]),
    )
  })
})
