import fs from 'node:fs'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../seed'
import { ALL_CLIPS } from '../../seed/toolkitContent'
import config from '@payload-config'

let payload: Payload

beforeAll(async () => {
  payload = await getPayload({ config })
})

describe('demo seed', () => {
  it('should create the demo toolkit with its modules, exercises, clips and users', async () => {
    const summary = await seed({ payload })
    expect(summary.created).toEqual({
      users: 4,
      consents: 1,
      audiences: 4,
      accents: 3,
      images: 5,
      animations: 4,
      'voice-tracks': 3,
      toolkits: 1,
      captions: 28,
      clips: 28,
      scripts: 28,
      modules: 4,
      exercises: 24,
    })
    const toolkit = (
      await payload.find({
        collection: 'toolkits',
        where: { slug: { equals: 'healthy-relationships' } },
      })
    ).docs[0]
    const modules = await payload.find({
      collection: 'modules',
      where: { toolkit: { equals: toolkit.id } },
      sort: 'order',
    })
    expect(modules.docs.map((m) => [m.slug, m.mandatory])).toEqual([
      ['foundation', true],
      ['thinking', false],
      ['emotions', false],
      ['relationships', false],
    ])
    const exercises = await payload.count({
      collection: 'exercises',
      where: { module: { in: modules.docs.map((m) => m.id) } },
    })
    expect(exercises.totalDocs).toBe(24)
    const foundation = await payload.count({
      collection: 'exercises',
      where: { module: { equals: modules.docs[0].id } },
    })
    expect(foundation.totalDocs).toBe(8)
  })

  it('should create nothing on a second run and keep edits made since', async () => {
    const exercise = (await payload.find({ collection: 'exercises', limit: 1, sort: 'id' })).docs[0]
    await payload.update({
      collection: 'exercises',
      id: exercise.id,
      data: { title: 'Edited by a designer' },
    })
    const before = await Promise.all(COLLECTIONS.map((c) => payload.count({ collection: c })))
    const summary = await seed({ payload })
    expect(summary.created).toEqual({})
    const after = await Promise.all(COLLECTIONS.map((c) => payload.count({ collection: c })))
    expect(after.map((a) => a.totalDocs)).toEqual(before.map((b) => b.totalDocs))
    const reread = await payload.findByID({ collection: 'exercises', id: exercise.id })
    expect(reread.title).toBe('Edited by a designer')
  })

  it('should give every seeded line a speaker from its script and captions made from the script', async () => {
    const scripts = await payload.find({ collection: 'scripts', pagination: false })
    for (const script of scripts.docs) {
      const characters = new Set(script.characters?.map((c) => c.name))
      const lines = script.scenes?.flatMap((scene) => scene.lines ?? []) ?? []
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) {
        expect(characters.has(line.speaker)).toBe(true)
        expect(line.lineId).toMatch(/^l-[0-9a-f]{8}$/)
      }
    }
    // By slug: other test files' clips may be older than the seed's, whatever the database.
    const clip = (
      await payload.find({
        collection: 'clips',
        where: { slug: { equals: ALL_CLIPS[0].slug } },
        depth: 1,
        limit: 1,
      })
    ).docs[0]
    expect(clip.voiceTracks).toHaveLength(3)
    const caption = clip.captions?.[0].track as { filename: string; mimeType: string }
    expect(caption.mimeType).toBe('text/vtt')
    expect(
      fs.readFileSync(path.join(process.env.MEDIA_DIR!, 'captions', caption.filename), 'utf8'),
    ).toMatch(/^WEBVTT\n\n1\n00:00:00\.000 --> /)
  })

  it('should make two audience variants and a Welsh title that falls back to English elsewhere', async () => {
    const variants = await payload.find({
      collection: 'clips',
      where: { variantOf: { exists: true } },
    })
    expect(variants.totalDocs).toBe(2)
    const toolkit = (await payload.find({ collection: 'toolkits', locale: 'cy' })).docs[0]
    expect(toolkit.title).toBe('Pecyn Cymorth Perthnasoedd Iach')
    expect(toolkit.summary).toBe(
      (await payload.findByID({ collection: 'toolkits', id: toolkit.id })).summary,
    )
  })

  it('should let the demo co-producer see only the Foundation and Emotions modules', async () => {
    const coProducer = (
      await payload.find({ collection: 'users', where: { role: { equals: 'coProducer' } } })
    ).docs[0]
    const modules = await payload.find({
      collection: 'modules',
      overrideAccess: false,
      user: coProducer,
      sort: 'order',
    })
    expect(modules.docs.map((m) => m.slug)).toEqual(['foundation', 'emotions'])
  })
})

const COLLECTIONS = [
  'toolkits',
  'modules',
  'exercises',
  'clips',
  'scripts',
  'audiences',
  'accents',
  'users',
  'images',
  'animations',
  'voice-tracks',
  'captions',
] as const
