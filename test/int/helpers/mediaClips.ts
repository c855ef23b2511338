import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { derivedRoot } from './localStore'
import { uniqueSuffix } from './payload'
import type { Clip } from '../../../src/payload-types'
import type { MediaFixtures } from '../media/helpers/fixtures'

type Made = { collection: 'animations' | 'voice-tracks' | 'accents' | 'clips'; id: number }

/**
 * Clips with real media for the worker tests: each has its own animation (so no step is found
 * in the derived cache) and one voice track of the same length (so it ends up ready).
 */
export function mediaClips(payload: Payload, fixtures: MediaFixtures) {
  const made: Made[] = []
  const upload = async (collection: 'animations' | 'voice-tracks', file: string, mime: string) => {
    const data = fs.readFileSync(file)
    const doc = await payload.create({
      collection,
      data: { title: path.basename(file) },
      file: {
        data,
        mimetype: mime,
        name: `${uniqueSuffix()}-${path.basename(file)}`,
        size: data.length,
      },
    })
    made.push({ collection, id: doc.id })
    return doc
  }
  let accentId: number | undefined
  return {
    /** A clip whose 720p render takes a few seconds: `seconds` of 1280×720 video. */
    async create(seconds: number): Promise<Clip> {
      if (accentId === undefined) {
        const tag = uniqueSuffix()
          .replace(/[^a-z0-9]/g, '')
          .slice(-6)
        const accent = await payload.create({
          collection: 'accents',
          data: { label: `Worker test ${tag}`, tag: `en-GB-x-w${tag}` },
        })
        made.push({ collection: 'accents', id: accent.id })
        accentId = accent.id
      }
      // Media of its own, so no earlier clip's stored renders make this one's job instant.
      const tag = uniqueSuffix()
      const name = `${seconds.toFixed(1)}s-${tag}`
      const animation = await upload(
        'animations',
        fixtures.animation(`worker-${name}.mp4`, seconds, '1280x720', tag),
        'video/mp4',
      )
      const voice = await upload(
        'voice-tracks',
        fixtures.voice(`worker-${name}.m4a`, seconds, 200 + Math.round(seconds * 40), tag),
        'audio/mp4',
      )
      const clip = await payload.create({
        collection: 'clips',
        data: {
          title: `Worker clip ${uniqueSuffix()}`,
          slug: `worker-${uniqueSuffix()}`,
          animation: animation.id,
          voiceTracks: [{ accent: accentId, track: voice.id }],
        },
      })
      made.push({ collection: 'clips', id: clip.id })
      return clip
    },
    async remove(): Promise<void> {
      for (const { collection, id } of made.reverse())
        await payload.delete({ collection, id }).catch(() => undefined)
    },
  }
}

/** Half-written builds: temporary folders under media/derived. */
export const unfinishedBuilds = (): string[] =>
  fs.existsSync(derivedRoot())
    ? fs.readdirSync(derivedRoot()).filter((name) => name.startsWith('.tmp-'))
    : []

/** The clip's processing state, re-read every 250 ms until `done` says so or time runs out. */
export async function waitForClip(
  payload: Payload,
  id: number,
  done: (processing: NonNullable<Clip['processing']>) => boolean,
  timeoutMs = 120_000,
): Promise<NonNullable<Clip['processing']>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const clip = await payload.findByID({ collection: 'clips', id, depth: 0 })
    const processing = clip.processing ?? {}
    if (done(processing) || Date.now() > deadline) return processing
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Resolves once `check` holds, polling every 100 ms, or after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return true
}
