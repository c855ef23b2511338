import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Clip } from '../../../src/payload-types'
import { uniqueSuffix } from '../helpers/payload'
import { loginToken, setUpStudio } from '../helpers/studio'
import { PASSWORD } from '../helpers/world'
import { MediaFixtures } from './helpers/fixtures'
import { derivedUrlOf } from '../../../src/domain/media/derivedRefs'

type Id = number | string

const studio = setUpStudio()
const fixtures = new MediaFixtures()
const made: { collection: 'clips' | 'animations'; id: Id }[] = []
const tokens: Record<'coProducer' | 'designer', string> = { coProducer: '', designer: '' }
/** Clip A is the co-producer's (from the world); clip C is nobody's, with media of its own. */
let assigned: Clip
let unassigned: Clip

/** The admin URLs of a clip's poster, poster sizes and renditions, as its media panel builds them. */
interface Urls {
  poster: string
  sizes: string[]
  renditions: string[]
}

/** Runs the queued processing jobs of these clips only, not other test files' leftovers. */
async function processClips(ids: Id[]): Promise<void> {
  const { payload } = studio
  const pending = await payload.find({
    collection: 'payload-jobs',
    where: { completedAt: { exists: false }, taskSlug: { equals: 'processClipMedia' } },
    pagination: false,
  })
  const wanted = new Set(ids.map(String))
  for (const job of pending.docs) {
    if (wanted.has(String((job.input as { clipId?: string }).clipId)))
      await payload.jobs.runByID({ id: job.id })
  }
}

async function detailsOf(id: Id): Promise<Urls> {
  const clip = await studio.payload.findByID({ collection: 'clips', id, depth: 0 })
  const details = clip.processing!.details!
  return {
    poster: derivedUrlOf(details.poster),
    sizes: Object.values(details.poster.sizes).map((file) =>
      derivedUrlOf({ key: details.poster.key, file }),
    ),
    renditions: details.renditions.map(derivedUrlOf),
  }
}

const get = (url: string, who: keyof typeof tokens | null) =>
  fetch(`${studio.server.url}${url}`, {
    headers: who ? { authorization: `JWT ${tokens[who]}` } : {},
  })

beforeAll(async () => {
  const { payload, world, server } = studio
  for (const who of ['coProducer', 'designer'] as const)
    tokens[who] = await loginToken(server.url, world.users[who].email, PASSWORD)
  // Media no assigned clip shares: content-addressed files of identical bytes are the same
  // files, so this animation must differ from the world's.
  const data = fs.readFileSync(fixtures.animation('unassigned.mp4', 3, '480x270'))
  const animation = await payload.create({
    collection: 'animations',
    data: { title: 'Not yours' },
    file: { data, mimetype: 'video/mp4', name: `${uniqueSuffix()}.mp4`, size: data.length },
  })
  made.push({ collection: 'animations', id: animation.id })
  const clip = await payload.create({
    collection: 'clips',
    data: { title: 'Not yours', slug: `not-yours-${uniqueSuffix()}`, animation: animation.id },
  })
  made.push({ collection: 'clips', id: clip.id })
  await processClips([world.docs.clips.assigned, clip.id])
  assigned = await payload.findByID({ collection: 'clips', id: world.docs.clips.assigned })
  unassigned = await payload.findByID({ collection: 'clips', id: clip.id })
})

afterAll(async () => {
  for (const { collection, id } of made.reverse())
    await studio.payload.delete({ collection, id }).catch(() => undefined)
  fixtures.remove()
})

describe('media files a co-producer is not assigned to', () => {
  it('should serve a co-producer the derived media of their own clip', async () => {
    const details = await detailsOf(assigned.id)
    for (const url of [details.poster, details.renditions[0]]) {
      const response = await get(url, 'coProducer')
      expect(response.status, url).toBe(200)
      await response.body?.cancel()
    }
  })

  it('should refuse a co-producer the derived media of a clip they are not assigned to, even with its URL', async () => {
    const details = await detailsOf(unassigned.id)
    const urls = [details.poster, ...details.sizes, ...details.renditions]
    expect(urls.length).toBeGreaterThan(3)
    for (const url of urls) {
      const refused = await get(url, 'coProducer')
      expect(refused.status, url).toBe(403)
      expect(await refused.json()).toEqual({
        errors: [{ message: 'You can only view the media of clips you are assigned to.' }],
      })
      // A range request is no way round it.
      expect((await get(url, 'coProducer').then((r) => r.status)) === 403).toBe(true)
      const designer = await get(url, 'designer')
      expect(designer.status, url).toBe(200)
      await designer.body?.cancel()
    }
    // A key nobody has, with a made-up file: the same answer, so nothing can be probed.
    expect(
      (await get(`/api/media/derived/${'ab'.repeat(32)}/poster.jpg`, 'coProducer')).status,
    ).toBe(403)
    expect((await get(details.poster, null)).status).toBe(401)
  })

  it('should refuse a co-producer the uploaded file of a clip they are not assigned to', async () => {
    const { payload, world } = studio
    const theirs = await payload.findByID({
      collection: 'animations',
      id: world.docs.animations.assigned,
    })
    const notTheirs = await payload.findByID({
      collection: 'animations',
      id: world.docs.animations.unassigned,
    })
    const image = await payload.findByID({ collection: 'images', id: world.docs.images.unassigned })
    const own = await get(`/api/animations/file/${theirs.filename}`, 'coProducer')
    expect(own.status).toBe(200)
    await own.body?.cancel()
    for (const url of [
      `/api/animations/file/${notTheirs.filename}`,
      `/api/images/file/${image.filename}`,
      `/api/images/file/${image.sizes?.thumbnail?.filename}`,
    ]) {
      const refused = await get(url, 'coProducer')
      expect(refused.status, url).toBe(403)
      await refused.body?.cancel()
    }
  })
})
