import path from 'node:path'
import type { Payload } from 'payload'

import { captionsFromScript } from '../src/domain/captions/captionsFromScript'
import type { Accent, Clip, Image } from '../src/payload-types'
import type { SeedClip } from './content/toolkit'
import { FIXTURES, type Id, type SeedRun, upload } from './seedContext'

export const FIXTURE_DURATION_MS = 45_000
export const ANIMATION_COUNT = 4

export type SeedMedia = Awaited<ReturnType<typeof seedMedia>>

/** The cover, a poster and an animation for each of the fixture clips, and a voice per accent. */
export async function seedMedia(run: SeedRun, accents: Accent[]) {
  const ensureImage = (file: string, alt: string) =>
    run.ensure<Image>('images', { filename: { equals: file } }, () =>
      run.payload.create({
        collection: 'images',
        data: { alt },
        filePath: path.join(FIXTURES, file),
        overrideAccess: true,
      }),
    )
  const cover = await ensureImage(
    'toolkit-cover.jpg',
    'Colourful abstract pattern: the toolkit cover',
  )
  const posters: Image[] = []
  const animations: { id: Id }[] = []
  for (let n = 1; n <= ANIMATION_COUNT; n++) {
    posters.push(await ensureImage(`poster-${n}.jpg`, `Opening frame of demo animation ${n}`))
    animations.push(await upload(run, 'animations', `Demo animation ${n}`, `animation-${n}.mp4`))
  }
  const voiceTracks: NonNullable<Clip['voiceTracks']> = []
  for (const accent of accents) {
    const key = accent.tag.split('-x-')[1] ?? accent.tag
    const track = await upload(
      run,
      'voice-tracks',
      `Demo voice: ${accent.label}`,
      `voice-${key}.m4a`,
    )
    voiceTracks.push({ accent: accent.id, track: track.id })
  }
  return { cover, posters, animations, voiceTracks }
}

export async function createCaptions(payload: Payload, clip: SeedClip): Promise<Id> {
  const vtt = captionsFromScript({
    lines: clip.scenes.flatMap((scene) => scene.lines),
    durationMs: FIXTURE_DURATION_MS,
  })
  const data = Buffer.from(vtt, 'utf8')
  const doc = await payload.create({
    collection: 'captions',
    data: { title: `Captions (English): ${clip.title}` },
    file: { data, mimetype: 'text/vtt', name: `${clip.slug}.en-GB.vtt`, size: data.length },
    overrideAccess: true,
  })
  return doc.id
}
