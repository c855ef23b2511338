import fs from 'node:fs'
import { performance } from 'node:perf_hooks'

import type { Api } from './api'
import type { RouteRecorder } from './people'
import type { Clip } from '../../../src/payload-types'
import { MediaFixtures } from '../../../test/int/media/helpers/fixtures'

export interface MediaJob {
  clipId: number
  /** performance.now() when the clip was saved, which queued its job. */
  queuedAt: number
}

/**
 * A designer adds a new clip: uploads an animation (720p, `seconds` long, made on the spot so
 * nothing of it is in the derived cache) and a voice track of the same length, then saves a
 * clip with both, which queues its media job for the worker. Null if a request failed (it is
 * counted on `route`).
 */
export async function addClipWithNewMedia(input: {
  api: Api
  route: RouteRecorder
  accentId: number
  seconds: number
  tag: string
}): Promise<MediaJob | null> {
  const fixtures = new MediaFixtures()
  try {
    const file = (path: string, name: string, mime: string) => ({
      name,
      mime,
      bytes: new Uint8Array(fs.readFileSync(path)),
    })
    const animation = await input.route.time(() =>
      input.api.upload<{ doc: { id: number } }>(
        'animations',
        { title: `Soak ${input.tag} animation` },
        file(
          fixtures.animation('soak.mp4', input.seconds, '1280x720'),
          `soak-${input.tag}.mp4`,
          'video/mp4',
        ),
      ),
    )
    const voice = await input.route.time(() =>
      input.api.upload<{ doc: { id: number } }>(
        'voice-tracks',
        { title: `Soak ${input.tag} voice` },
        file(fixtures.voice('soak.m4a', input.seconds, 330), `soak-${input.tag}.m4a`, 'audio/mp4'),
      ),
    )
    if (animation?.status !== 201 || voice?.status !== 201) return null
    const clip = await input.route.time(() =>
      input.api.request<{ doc: Clip }>('POST', '/api/clips?depth=0', {
        title: `Soak ${input.tag} clip`,
        slug: `soak-${input.tag}`,
        animation: animation.json.doc.id,
        voiceTracks: [{ accent: input.accentId, track: voice.json.doc.id }],
      }),
    )
    if (clip?.status !== 201) return null
    return { clipId: clip.json.doc.id, queuedAt: performance.now() }
  } finally {
    fixtures.remove()
  }
}
