import fs from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'

import { uniqueSuffix } from './payload'
import { richTextFromParagraphs } from '../../../src/domain/text/richText'
import type { User } from '../../../src/payload-types'

const FIXTURES = path.resolve('seed/fixtures/media')

export const PASSWORD = 'test-password-1'

export interface World {
  suffix: string
  users: Record<'admin' | 'designer' | 'coProducer' | 'otherCoProducer' | 'publisher', User>
  /** For each collection: a document the co-producer is assigned to (or reaches) and one they do not. */
  docs: Record<CollectionSlug, { assigned: number; unassigned: number }>
  cleanup: () => Promise<void>
}

type Id = number

/**
 * Two parallel content trees, A and B. The co-producer is assigned to script A, so everything A
 * reaches is theirs to read; B is someone else's. Returned ids feed the access matrix.
 */
export async function buildWorld(payload: Payload): Promise<World> {
  const suffix = uniqueSuffix()
  const made: { collection: CollectionSlug; id: Id }[] = []
  const make = async <T extends { id: Id }>(
    collection: CollectionSlug,
    data: Record<string, unknown>,
    file?: FileSpec,
  ): Promise<T> => {
    const doc = (await payload.create({
      collection,
      data,
      overrideAccess: true,
      ...(file ? { file: await file() } : {}),
    } as Parameters<Payload['create']>[0])) as unknown as T
    made.push({ collection, id: doc.id })
    return doc
  }

  const user = (role: User['role'], name: string, extra: Partial<User> = {}) =>
    make<User>('users', {
      email: `${name}-${suffix}@test.example`,
      password: PASSWORD,
      role,
      displayName: `${name} ${suffix}`,
      ...extra,
    })
  const admin = await user('admin', 'admin')
  const users = {
    admin,
    designer: await user('designer', 'designer'),
    coProducer: await user('coProducer', 'cop', {
      pseudonym: `Robin ${suffix}`,
      realName: `Real Person ${suffix}`,
    }),
    otherCoProducer: await user('coProducer', 'cop2', {
      pseudonym: `Sky ${suffix}`,
      realName: `Other Real ${suffix}`,
    }),
    publisher: await user('publisher', 'publisher'),
  }

  const audienceA = await make<{ id: Id }>('audiences', {
    label: `Audience A ${suffix}`,
    slug: `aud-a-${suffix}`,
  })
  const audienceB = await make<{ id: Id }>('audiences', {
    label: `Audience B ${suffix}`,
    slug: `aud-b-${suffix}`,
  })
  const accentA = await make<{ id: Id }>('accents', {
    label: 'Accent A',
    tag: `en-GB-x-a${suffix.replace(/[^a-z0-9]/g, '').slice(-7)}`,
  })
  const accentB = await make<{ id: Id }>('accents', {
    label: 'Accent B',
    tag: `en-GB-x-b${suffix.replace(/[^a-z0-9]/g, '').slice(-7)}`,
  })

  const tree = async (key: 'a' | 'b', assignee: User) => {
    const image = await make<{ id: Id }>(
      'images',
      { alt: `Image ${key}` },
      pngFile(`${key}-${suffix}.png`),
    )
    const animation = await make<{ id: Id }>(
      'animations',
      { title: `Animation ${key}` },
      fixtureFile('animation-2.mp4', 'video/mp4', `${key}-${suffix}.mp4`),
    )
    const voice = await make<{ id: Id }>(
      'voice-tracks',
      { title: `Voice ${key}` },
      fixtureFile('voice-geordie.m4a', 'audio/mp4', `${key}-${suffix}.m4a`),
    )
    const caption = await make<{ id: Id }>(
      'captions',
      { title: `Captions ${key}` },
      vttFile(`${key}-${suffix}.vtt`),
    )
    const toolkit = await make<{ id: Id }>('toolkits', {
      title: `Toolkit ${key} ${suffix}`,
      slug: `toolkit-${key}-${suffix}`,
      coverImage: image.id,
      description: richTextFromParagraphs(['About.']),
    })
    const moduleDoc = await make<{ id: Id }>('modules', {
      toolkit: toolkit.id,
      title: `Module ${key}`,
      slug: 'foundation',
      order: 1,
      mandatory: true,
    })
    const clip = await make<{ id: Id }>('clips', {
      title: `Clip ${key} ${suffix}`,
      slug: `clip-${key}-${suffix}`,
      animation: animation.id,
      poster: image.id,
      voiceTracks: [{ accent: key === 'a' ? accentA.id : accentB.id, track: voice.id }],
      captions: [{ locale: 'en-GB', track: caption.id }],
    })
    const script = await make<{ id: Id }>('scripts', {
      title: `Script ${key} ${suffix}`,
      clip: clip.id,
      status: 'draft',
      _status: 'published',
      assignedCoProducers: [assignee.id],
      characters: [{ name: 'Dean' }, { name: 'Sam' }],
      scenes: [
        {
          heading: 'Office',
          lines: [
            { speaker: 'Dean', text: 'Hello.' },
            { speaker: 'Sam', text: 'Hi Dean.' },
          ],
        },
      ],
    })
    const exercise = await make<{ id: Id }>('exercises', {
      module: moduleDoc.id,
      title: `Exercise ${key}`,
      slug: 'first',
      order: 1,
      clip: clip.id,
      minutes: 10,
    })
    return { image, animation, voice, caption, toolkit, module: moduleDoc, clip, script, exercise }
  }
  const a = await tree('a', users.coProducer)
  const b = await tree('b', users.otherCoProducer)

  const pair = (x: { id: Id }, y: { id: Id }) => ({ assigned: x.id, unassigned: y.id })
  const docs = {
    toolkits: pair(a.toolkit, b.toolkit),
    modules: pair(a.module, b.module),
    exercises: pair(a.exercise, b.exercise),
    clips: pair(a.clip, b.clip),
    scripts: pair(a.script, b.script),
    audiences: pair(audienceA, audienceB),
    accents: pair(accentA, accentB),
    animations: pair(a.animation, b.animation),
    'voice-tracks': pair(a.voice, b.voice),
    captions: pair(a.caption, b.caption),
    images: pair(a.image, b.image),
    users: pair(users.coProducer, users.otherCoProducer),
  } as World['docs']

  return {
    suffix,
    users,
    docs,
    cleanup: async () => {
      for (const { collection, id } of made.reverse()) {
        await payload.delete({ collection, id, overrideAccess: true }).catch(() => undefined)
      }
    },
  }
}

export type FileSpec = () => Promise<{ data: Buffer; mimetype: string; name: string; size: number }>

function fixtureFile(fixture: string, mimetype: string, name: string): FileSpec {
  return async () => {
    const data = fs.readFileSync(path.join(FIXTURES, fixture))
    return { data, mimetype, name, size: data.length }
  }
}

export function pngFile(name: string): FileSpec {
  return async () => {
    const data = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer()
    return { data, mimetype: 'image/png', name, size: data.length }
  }
}

export function vttFile(name: string): FileSpec {
  return async () => {
    const data = Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello.\n', 'utf8')
    return { data, mimetype: 'text/vtt', name, size: data.length }
  }
}

/** Valid data for a new document of each collection, plus the file uploads need. */
export function newDocument(
  collection: CollectionSlug,
  world: World,
  marker: string,
): { data: Record<string, unknown>; file?: FileSpec } {
  const slug = `new-${marker}`
  switch (collection) {
    case 'toolkits':
      return { data: { title: `New ${marker}`, slug } }
    case 'modules':
      return {
        data: { toolkit: world.docs.toolkits.assigned, title: `New ${marker}`, slug, order: 9 },
      }
    case 'exercises':
      return {
        data: { module: world.docs.modules.assigned, title: `New ${marker}`, slug, order: 9 },
      }
    case 'clips':
      return { data: { title: `New ${marker}`, slug } }
    case 'scripts':
      return {
        data: { title: `New ${marker}`, clip: world.docs.clips.assigned, _status: 'published' },
      }
    case 'audiences':
      return { data: { label: `New ${marker}`, slug } }
    case 'accents':
      return {
        data: {
          label: `New ${marker}`,
          tag: `en-GB-x-${marker.replace(/[^a-z0-9]/g, '').slice(-8)}`,
        },
      }
    case 'animations':
      return {
        data: { title: marker },
        file: fixtureFile('animation-3.mp4', 'video/mp4', `${slug}.mp4`),
      }
    case 'voice-tracks':
      return {
        data: { title: marker },
        file: fixtureFile('voice-scouse.m4a', 'audio/mp4', `${slug}.m4a`),
      }
    case 'captions':
      return { data: { title: marker }, file: vttFile(`${slug}.vtt`) }
    case 'images':
      return { data: { alt: marker }, file: pngFile(`${slug}.png`) }
    case 'users':
      return {
        data: {
          email: `${slug}@test.example`,
          password: PASSWORD,
          role: 'designer',
          displayName: `New ${marker}`,
        },
      }
    default:
      throw new Error(`no new-document factory for ${collection}`)
  }
}
