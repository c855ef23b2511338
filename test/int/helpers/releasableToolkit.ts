import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { expect } from 'vitest'

import { uniqueSuffix } from './payload'
import type { World } from './world'
import type { MediaFixtures } from '../media/helpers/fixtures'

type Collection = Parameters<Payload['delete']>[0]['collection']

export const CAPTION_WORDS = ['Hello.', 'Goodbye.'] as const

export interface ReleasableToolkit {
  toolkit: { id: number; slug: string }
  audience: { id: number; slug: string }
  accent: { id: number; tag: string }
  /** The first exercise's clip. */
  clip: { id: number; slug: string }
  /** One clip per exercise, in order; their captions say CAPTION_WORDS. */
  clips: { id: number; slug: string }[]
  apiKey: string
  /** Keeps a document the test made so `remove` deletes it too. */
  keep(collection: Collection, id: number): void
  /** Deletes the releases (bypassing their immutability) and every document made. */
  remove(): Promise<void>
}

/**
 * A small toolkit that passes preflight: a mandatory foundation module with two exercises whose
 * clips have processed media, a voice track in one accent, English captions and an approved
 * script; plus a delivery app's API key. Built on the world's first audience.
 */
export async function makeReleasableToolkit(
  payload: Payload,
  world: World,
  fixtures: MediaFixtures,
): Promise<ReleasableToolkit> {
  const made: { collection: Collection; id: number }[] = []
  const keep = <T extends { id: number }>(collection: Collection, doc: T) => {
    made.push({ collection, id: doc.id })
    return doc
  }
  const suffix = uniqueSuffix()
  const upload = async (
    collection: 'animations' | 'voice-tracks' | 'captions',
    file: string,
    mimetype: string,
  ) => {
    const data = fs.readFileSync(file)
    return keep(
      collection,
      await payload.create({
        collection,
        data: { title: path.basename(file) },
        file: { data, mimetype, name: `${suffix}-${path.basename(file)}`, size: data.length },
      }),
    )
  }
  const audience = (
    await payload.find({
      collection: 'audiences',
      where: { slug: { like: world.suffix } },
      sort: 'slug',
      limit: 1,
    })
  ).docs[0]
  const accent = keep(
    'accents',
    await payload.create({
      collection: 'accents',
      data: {
        label: 'Release accent',
        tag: `en-GB-x-r${suffix.replace(/[^a-z0-9]/g, '').slice(-7)}`,
      },
    }),
  )
  const animation = await upload(
    'animations',
    fixtures.animation(`release-${suffix}.mp4`, 2, '320x180'),
    'video/mp4',
  )
  const voice = await upload(
    'voice-tracks',
    fixtures.voice(`release-${suffix}.m4a`, 2),
    'audio/mp4',
  )
  const captionsSaying = (words: string, name: string) =>
    upload(
      'captions',
      fixtures.text(`${name}-${suffix}.vtt`, `WEBVTT\n\n00:00:00.200 --> 00:00:01.800\n${words}\n`),
      'text/vtt',
    )
  const toolkit = keep(
    'toolkits',
    await payload.create({
      collection: 'toolkits',
      data: { title: 'Release toolkit', slug: `release-${suffix}` },
    }),
  )
  const moduleDoc = keep(
    'modules',
    await payload.create({
      collection: 'modules',
      data: {
        toolkit: toolkit.id,
        title: 'Foundation',
        slug: 'foundation',
        order: 1,
        mandatory: true,
      },
    }),
  )
  // Two clips with the same animation and voice and different captions: their HLS packages
  // differ only in the subtitles, and a release must keep them apart.
  const clips: { id: number; slug: string }[] = []
  for (const [index, words] of [CAPTION_WORDS[0], CAPTION_WORDS[1]].entries()) {
    const captions = await captionsSaying(words, `release-${index + 1}`)
    const clip = keep(
      'clips',
      await payload.create({
        collection: 'clips',
        data: {
          title: `Release clip ${index + 1}`,
          slug: `release-clip-${index + 1}-${suffix}`,
          animation: animation.id,
          voiceTracks: [{ accent: accent.id, track: voice.id }],
          captions: [{ locale: 'en-GB', track: captions.id }],
        },
      }),
    )
    clips.push(clip)
    keep(
      'exercises',
      await payload.create({
        collection: 'exercises',
        data: {
          module: moduleDoc.id,
          title: index === 0 ? 'First' : 'Second',
          slug: index === 0 ? 'first' : 'second',
          order: index + 1,
          clip: clip.id,
          minutes: 5,
          task: 'Notice one feeling.',
        },
      }),
    )
    keep(
      'scripts',
      await payload.create({
        collection: 'scripts',
        data: {
          title: `Release script ${index + 1}`,
          clip: clip.id,
          status: 'approved',
          _status: 'published',
          characters: [{ name: 'Dean' }],
          scenes: [{ heading: 'One', lines: [{ speaker: 'Dean', text: words }] }],
        },
      }),
    )
  }
  // Jobs queued earlier in the file (the world's clips) may come first in the queue.
  for (let round = 0; round < 5; round++) {
    await payload.jobs.run({ queue: 'media', limit: 10 })
    const { totalDocs } = await payload.count({
      collection: 'clips',
      where: {
        and: [
          { id: { in: clips.map((c) => c.id) } },
          { 'processing.status': { not_equals: 'ready' } },
        ],
      },
    })
    if (totalDocs === 0) break
  }
  for (const clip of clips)
    expect((await payload.findByID({ collection: 'clips', id: clip.id })).processing?.status).toBe(
      'ready',
    )
  // Random, as the admin's Generate button makes them: the studio refuses short keys.
  const apiKey = `test-delivery-key-${randomUUID()}`
  keep(
    'delivery-apps',
    await payload.create({
      collection: 'delivery-apps',
      data: { name: `Test app ${suffix}`, enableAPIKey: true, apiKey },
    }),
  )

  return {
    toolkit,
    audience,
    accent,
    clip: clips[0],
    clips,
    apiKey,
    keep: (collection, id) => made.push({ collection, id }),
    async remove() {
      const releases = await payload.find({
        collection: 'releases',
        where: { toolkit: { equals: toolkit.id } },
        pagination: false,
      })
      for (const release of releases.docs) {
        await payload.db.deleteOne({
          collection: 'releases',
          where: { id: { equals: release.id } },
        })
      }
      for (const { collection, id } of made.reverse())
        await payload.delete({ collection, id }).catch(() => undefined)
    },
  }
}
