import { describe, expect, it } from 'vitest'

import { as, uniqueSuffix } from './helpers/payload'
import { loginToken, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'

const studio = setUpStudio()

interface FieldError {
  path: string
  message: string
}

/** Runs a Local API call that must fail validation and returns its field errors. */
async function fieldErrors(call: () => Promise<unknown>): Promise<FieldError[]> {
  try {
    await call()
  } catch (error) {
    const data = (error as { status?: number; data?: { errors?: FieldError[] } }).data
    expect((error as { status?: number }).status).toBe(400)
    return data?.errors ?? []
  }
  throw new Error('expected a validation error, but the call succeeded')
}

const designer = () => as(studio.world.users.designer)

describe('bad input is rejected with a message naming the field', () => {
  it('should reject an invalid BCP 47 accent tag and store nothing', async () => {
    const before = (await studio.payload.count({ collection: 'accents' })).totalDocs
    const errors = await fieldErrors(() =>
      studio.payload.create({
        ...designer(),
        collection: 'accents',
        data: { label: 'Geordie', tag: 'en_GB geordie' },
      }),
    )
    expect(errors).toEqual([
      expect.objectContaining({ path: 'tag', message: expect.stringContaining('en_GB geordie') }),
    ])
    expect((await studio.payload.count({ collection: 'accents' })).totalDocs).toBe(before)
  })

  it('should store a valid accent tag in canonical case', async () => {
    const tag = `EN-gb-X-${uniqueSuffix()
      .replace(/[^a-z0-9]/g, '')
      .slice(-8)}`
    const accent = await studio.payload.create({
      ...designer(),
      collection: 'accents',
      data: { label: 'Test accent', tag },
    })
    expect(accent.tag).toBe(`en-GB-x-${tag.slice(8).toLowerCase()}`)
    await studio.payload.delete({ collection: 'accents', id: accent.id })
  })

  it('should reject a duplicate toolkit slug', async () => {
    const existing = await studio.payload.findByID({
      collection: 'toolkits',
      id: studio.world.docs.toolkits.assigned,
    })
    const errors = await fieldErrors(() =>
      studio.payload.create({
        ...designer(),
        collection: 'toolkits',
        data: { title: 'Another toolkit', slug: existing.slug },
      }),
    )
    // FerretDB's duplicate-key error names no index or key (see mongoProtocolFeatures.test.ts),
    // so Payload cannot tell which field clashed; the write is still refused as not unique.
    const clashingField = process.env.DATABASE_COMPAT === 'ferretdb' ? '' : 'slug'
    expect(errors.map((e) => e.path)).toEqual([clashingField])
  })

  it('should reject a duplicate module slug within one toolkit but allow it in another', async () => {
    const errors = await fieldErrors(() =>
      studio.payload.create({
        ...designer(),
        collection: 'modules',
        data: {
          toolkit: studio.world.docs.toolkits.assigned,
          title: 'Again',
          slug: 'foundation',
          order: 1,
        },
      }),
    )
    expect(errors).toEqual([
      { path: 'slug', message: 'Slug "foundation" is already used in this toolkit.' },
    ])
    // Both world toolkits already have a "foundation" module: the same slug is fine elsewhere.
    const modules = await studio.payload.find({
      collection: 'modules',
      where: { slug: { equals: 'foundation' } },
    })
    expect(modules.totalDocs).toBeGreaterThanOrEqual(2)
  })

  it('should reject a malformed slug', async () => {
    const errors = await fieldErrors(() =>
      studio.payload.create({
        ...designer(),
        collection: 'clips',
        data: { title: 'Bad slug', slug: 'Bad Slug!' },
      }),
    )
    expect(errors).toEqual([expect.objectContaining({ path: 'slug' })])
  })

  it('should reject a script line whose speaker is not one of its characters', async () => {
    const errors = await fieldErrors(() =>
      studio.payload.create({
        ...designer(),
        collection: 'scripts',
        data: {
          title: 'Bad speaker',
          status: 'draft',
          clip: studio.world.docs.clips.assigned,
          characters: [{ name: 'Dean' }, { name: 'Sam' }],
          scenes: [
            {
              heading: 'Kitchen',
              lines: [
                { speaker: 'Dean', text: 'Hi.' },
                { speaker: 'Kayleigh', text: 'Hello.' },
              ],
            },
          ],
        },
      }),
    )
    expect(errors).toEqual([
      {
        path: 'scenes.0.lines.1.speaker',
        message:
          'Speaker "Kayleigh" (scene 1, line 2) is not a character of this script. Characters: Dean, Sam.',
      },
    ])
  })

  it('should give every new line a stable id and keep it on later edits', async () => {
    const script = await studio.payload.create({
      ...designer(),
      collection: 'scripts',
      data: {
        title: 'Ids',
        status: 'draft',
        clip: studio.world.docs.clips.assigned,
        characters: [{ name: 'Dean' }],
        scenes: [{ heading: 'One', lines: [{ speaker: 'Dean', text: 'First.' }] }],
      },
    })
    const firstId = script.scenes?.[0].lines?.[0].lineId
    expect(firstId).toMatch(/^l-[0-9a-f]{8}$/)
    const updated = await studio.payload.update({
      ...designer(),
      collection: 'scripts',
      id: script.id,
      data: {
        scenes: [
          {
            heading: 'One',
            lines: [
              { ...script.scenes![0].lines![0], text: 'First, reworded.' },
              { speaker: 'Dean', text: 'Second.' },
            ],
          },
        ],
      },
    })
    const ids = updated.scenes![0].lines!.map((l) => l.lineId)
    expect(ids[0]).toBe(firstId)
    expect(ids[1]).toMatch(/^l-[0-9a-f]{8}$/)
    expect(ids[1]).not.toBe(firstId)
    await studio.payload.delete({ collection: 'scripts', id: script.id })
  })

  it('should reject an exercise pointing at a clip restricted to other audiences', async () => {
    const audiences = await studio.payload.find({
      collection: 'audiences',
      where: { slug: { like: studio.world.suffix } },
      sort: 'slug',
    })
    const [audienceA, audienceB] = audiences.docs
    const clip = await studio.payload.create({
      ...designer(),
      collection: 'clips',
      data: { title: 'Only for A', slug: `only-a-${uniqueSuffix()}`, audiences: [audienceA.id] },
    })
    try {
      const errors = await fieldErrors(() =>
        studio.payload.create({
          ...designer(),
          collection: 'exercises',
          data: {
            module: studio.world.docs.modules.assigned,
            title: 'Shown to B',
            order: 1,
            slug: `b-${uniqueSuffix()}`,
            clip: clip.id,
            audiences: [audienceB.id],
          },
        }),
      )
      expect(errors).toEqual([
        {
          path: 'clip',
          message: `Clip "Only for A" is restricted to ${audienceA.label}, but this exercise is also shown to ${audienceB.label}.`,
        },
      ])
      const fine = await studio.payload.create({
        ...designer(),
        collection: 'exercises',
        data: {
          module: studio.world.docs.modules.assigned,
          title: 'Shown to A',
          order: 1,
          slug: `a-${uniqueSuffix()}`,
          clip: clip.id,
          audiences: [audienceA.id],
        },
      })
      await studio.payload.delete({ collection: 'exercises', id: fine.id })
    } finally {
      await studio.payload.delete({ collection: 'clips', id: clip.id })
    }
  })

  it('should reject a variant without an audience, and a second variant for the same audience', async () => {
    const [audience] = (
      await studio.payload.find({
        collection: 'audiences',
        where: { slug: { like: studio.world.suffix } },
      })
    ).docs
    const errors = await fieldErrors(() =>
      studio.payload.create({
        ...designer(),
        collection: 'clips',
        data: {
          title: 'Variant',
          slug: `v-${uniqueSuffix()}`,
          variantOf: studio.world.docs.clips.assigned,
        },
      }),
    )
    expect(errors).toEqual([
      { path: 'variantAudience', message: 'Choose the audience this variant is for.' },
    ])
    const first = await studio.payload.create({
      ...designer(),
      collection: 'clips',
      data: {
        title: 'Variant one',
        slug: `v1-${uniqueSuffix()}`,
        variantOf: studio.world.docs.clips.assigned,
        variantAudience: audience.id,
      },
    })
    try {
      const again = await fieldErrors(() =>
        studio.payload.create({
          ...designer(),
          collection: 'clips',
          data: {
            title: 'Variant two',
            slug: `v2-${uniqueSuffix()}`,
            variantOf: studio.world.docs.clips.assigned,
            variantAudience: audience.id,
          },
        }),
      )
      expect(again).toEqual([
        expect.objectContaining({
          path: 'variantAudience',
          message: expect.stringContaining('"Variant one"'),
        }),
      ])
      const ofVariant = await fieldErrors(() =>
        studio.payload.create({
          ...designer(),
          collection: 'clips',
          data: {
            title: 'Variant of a variant',
            slug: `vv-${uniqueSuffix()}`,
            variantOf: first.id,
            variantAudience: audience.id,
          },
        }),
      )
      expect(ofVariant).toEqual([
        expect.objectContaining({
          path: 'variantOf',
          message: expect.stringContaining('itself a variant'),
        }),
      ])
    } finally {
      await studio.payload.delete({ collection: 'clips', id: first.id })
    }
  })

  it('should answer bad input over REST with 400 and the field in the body', async () => {
    const token = await loginToken(studio.server.url, studio.world.users.designer.email, PASSWORD)
    const response = await fetch(`${studio.server.url}/api/accents`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Bad', tag: 'english' }),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { data?: { errors: FieldError[] } }[] }
    expect(body.errors[0].data?.errors).toEqual([
      expect.objectContaining({ path: 'tag', message: expect.stringContaining('"english"') }),
    ])
  })
})
