import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CollectionSlug, Payload, Where } from 'payload'

import { captionsFromScript } from '../src/domain/captions/captionsFromScript'
import { richTextFromParagraphs } from '../src/domain/text/richText'
import { contentHash, linesOf } from '../src/domain/scripts/scriptDiff'
import type { Accent, Audience, Clip, Image, Script } from '../src/payload-types'
import {
  SEED_ACCENTS,
  SEED_AUDIENCES,
  SEED_CLIPS,
  SEED_MODULES,
  SEED_TOOLKIT,
  type SeedClip,
} from './content/toolkit'
import { SEED_CLIPS_IN_DEVELOPMENT } from './content/inDevelopment'
import { DEMO_USERS } from './demoUsers'

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'media')
const FIXTURE_DURATION_MS = 45_000
const ANIMATION_COUNT = 4

// Scripts a co-producer worked on in the demo. Every script the toolkit uses is approved, so
// the demo can be released; the clips in development are where review is still going on.
const ASSIGNED_MODULES = new Set(['foundation', 'emotions'])
const IN_DEVELOPMENT_STATUS = ['inReview', 'draft'] as const

/** Printed last by `npm run seed`, so its wrapper knows the seed really ran to the end. */
export const SEED_FINISHED = 'Demo seed finished.'

export interface SeedSummary {
  created: Record<string, number>
  users: { email: string; password: string; role: string }[]
}

type Id = Clip['id']

/**
 * Creates the demo toolkit, reference data and one user per role. Idempotent: documents that
 * already exist (matched by slug, tag, email or title) are left exactly as they are, so edits
 * made in the demo survive a re-run.
 */
export async function seed({ payload }: { payload: Payload }): Promise<SeedSummary> {
  const created: Record<string, number> = {}
  const ensure = async <T extends { id: Id }>(
    collection: CollectionSlug,
    where: Where,
    make: () => Promise<T>,
  ): Promise<T> => {
    const found = await payload.find({
      collection,
      where,
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (found.docs[0]) return found.docs[0] as unknown as T
    created[collection] = (created[collection] ?? 0) + 1
    return make()
  }
  const upload = <T extends { id: Id }>(
    collection: CollectionSlug,
    title: string,
    data: Record<string, unknown>,
    file: string,
  ) =>
    ensure<T>(
      collection,
      { title: { equals: title } },
      async () =>
        (await payload.create({
          collection,
          data: { title, ...data },
          filePath: path.join(FIXTURES, file),
          overrideAccess: true,
        } as Parameters<Payload['create']>[0])) as unknown as T,
    )

  const addWelshTitle = (collection: 'toolkits' | 'modules' | 'exercises', id: Id, title: string) =>
    payload.update({ collection, id, locale: 'cy', data: { title }, overrideAccess: true })

  // Admin first: the first account on an empty studio always becomes an admin.
  const users: Record<string, Id> = {}
  for (const user of DEMO_USERS) {
    const doc = await ensure('users', { email: { equals: user.email } }, () =>
      payload.create({ collection: 'users', data: { ...user }, overrideAccess: true }),
    )
    users[user.role] = doc.id
  }

  const audiences = new Map<string, Audience>()
  for (const audience of SEED_AUDIENCES) {
    audiences.set(
      audience.slug,
      await ensure<Audience>('audiences', { slug: { equals: audience.slug } }, () =>
        payload.create({ collection: 'audiences', data: audience, overrideAccess: true }),
      ),
    )
  }

  const accents: Accent[] = []
  for (const accent of SEED_ACCENTS) {
    accents.push(
      await ensure<Accent>('accents', { tag: { equals: accent.tag } }, () =>
        payload.create({ collection: 'accents', data: accent, overrideAccess: true }),
      ),
    )
  }

  const ensureImage = (file: string, alt: string) =>
    ensure<Image>('images', { filename: { equals: file } }, () =>
      payload.create({
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
    animations.push(await upload('animations', `Demo animation ${n}`, {}, `animation-${n}.mp4`))
  }
  const voiceTracks: NonNullable<Clip['voiceTracks']> = []
  for (const accent of accents) {
    const key = accent.tag.split('-x-')[1] ?? accent.tag
    voiceTracks.push({
      accent: accent.id,
      track: (await upload('voice-tracks', `Demo voice: ${accent.label}`, {}, `voice-${key}.m4a`))
        .id,
    })
  }

  const toolkit = await ensure('toolkits', { slug: { equals: SEED_TOOLKIT.slug } }, async () => {
    const doc = await payload.create({
      collection: 'toolkits',
      data: {
        title: SEED_TOOLKIT.title,
        slug: SEED_TOOLKIT.slug,
        summary: SEED_TOOLKIT.summary,
        description: richTextFromParagraphs([SEED_TOOLKIT.description]),
        coverImage: cover.id,
      },
      overrideAccess: true,
    })
    await addWelshTitle('toolkits', doc.id, SEED_TOOLKIT.titleCy)
    return doc
  })

  const clipsBySlug = new Map<string, Clip>()
  const allClips = [...SEED_CLIPS, ...SEED_CLIPS_IN_DEVELOPMENT]
  for (const [index, seedClip] of allClips.entries()) {
    const clip = await ensure<Clip>('clips', { slug: { equals: seedClip.slug } }, async () => {
      const captionTrack = await createCaptions(payload, seedClip)
      created.captions = (created.captions ?? 0) + 1
      return payload.create({
        collection: 'clips',
        data: {
          title: seedClip.title,
          slug: seedClip.slug,
          variantOf: seedClip.variantOf ? clipsBySlug.get(seedClip.variantOf)?.id : undefined,
          variantAudience: seedClip.variantAudience
            ? audiences.get(seedClip.variantAudience)?.id
            : undefined,
          animation: animations[index % ANIMATION_COUNT].id,
          poster: posters[index % ANIMATION_COUNT].id,
          voiceTracks,
          captions: [{ locale: 'en-GB', track: captionTrack }],
        },
        overrideAccess: true,
      })
    })
    clipsBySlug.set(seedClip.slug, clip)
  }

  const assignedClips = new Set(
    SEED_MODULES.filter((m) => ASSIGNED_MODULES.has(m.slug)).flatMap((m) =>
      m.exercises.map((e) => e.clip),
    ),
  )
  for (const seedClip of SEED_CLIPS) {
    if (seedClip.variantOf && assignedClips.has(seedClip.variantOf))
      assignedClips.add(seedClip.slug)
  }
  for (const seedClip of SEED_CLIPS_IN_DEVELOPMENT) assignedClips.add(seedClip.slug)
  for (const seedClip of allClips) {
    const clip = clipsBySlug.get(seedClip.slug)!
    const developing = SEED_CLIPS_IN_DEVELOPMENT.indexOf(seedClip)
    const status = developing < 0 ? 'approved' : IN_DEVELOPMENT_STATUS[developing]
    await ensure('scripts', { clip: { equals: clip.id } }, async () => {
      const script = await payload.create({
        collection: 'scripts',
        data: {
          title: `Script: ${seedClip.title}`,
          clip: clip.id,
          status: 'draft',
          _status: 'published',
          assignedCoProducers: assignedClips.has(seedClip.slug) ? [users.coProducer] : [],
          characters: seedClip.characters,
          scenes: seedClip.scenes.map((scene) => ({ heading: scene.heading, lines: scene.lines })),
        },
        overrideAccess: true,
      })
      return status === 'draft'
        ? script
        : putInReview(payload, script, status, [users.coProducer, users.designer])
    })
  }

  for (const [moduleIndex, seedModule] of SEED_MODULES.entries()) {
    const moduleDoc = await ensure(
      'modules',
      { and: [{ toolkit: { equals: toolkit.id } }, { slug: { equals: seedModule.slug } }] },
      async () => {
        const doc = await payload.create({
          collection: 'modules',
          data: {
            toolkit: toolkit.id,
            title: seedModule.title,
            slug: seedModule.slug,
            order: moduleIndex + 1,
            mandatory: seedModule.mandatory,
            intro: richTextFromParagraphs([seedModule.intro]),
          },
          overrideAccess: true,
        })
        await addWelshTitle('modules', doc.id, seedModule.titleCy)
        return doc
      },
    )
    for (const [exerciseIndex, exercise] of seedModule.exercises.entries()) {
      await ensure(
        'exercises',
        { and: [{ module: { equals: moduleDoc.id } }, { slug: { equals: exercise.slug } }] },
        async () => {
          const doc = await payload.create({
            collection: 'exercises',
            data: {
              module: moduleDoc.id,
              title: exercise.title,
              slug: exercise.slug,
              order: exerciseIndex + 1,
              clip: clipsBySlug.get(exercise.clip)?.id,
              minutes: exercise.minutes,
              audiences: (exercise.audiences ?? []).map((slug) => audiences.get(slug)!.id),
              worksheet: {
                intro: richTextFromParagraphs([exercise.worksheetIntro]),
                questions: exercise.questions.map((q) => ({
                  prompt: q.prompt,
                  answerType: q.answerType,
                  options: q.options?.map((label) => ({ label })),
                })),
              },
              task: exercise.task,
              diaryPrompts: exercise.diaryPrompts.map((prompt) => ({ prompt })),
              summary: { keyPoints: exercise.keyPoints.map((point) => ({ point })) },
            },
            overrideAccess: true,
          })
          await addWelshTitle('exercises', doc.id, exercise.titleCy)
          return doc
        },
      )
    }
  }

  return {
    created,
    users: DEMO_USERS.map(({ email, password, role }) => ({ email, password, role })),
  }
}

async function createCaptions(payload: Payload, clip: SeedClip): Promise<Id> {
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

export function formatSeedSummary(summary: SeedSummary): string {
  const made = Object.entries(summary.created)
    .map(([collection, count]) => `${count} ${collection}`)
    .join(', ')
  const lines = [
    made ? `Demo content created: ${made}.` : 'Demo content already present; nothing created.',
    'Demo sign-ins (demo only, never use these passwords for real accounts):',
    ...summary.users.map((u) => `  ${u.role.padEnd(11)} ${u.email.padEnd(32)} ${u.password}`),
  ]
  return lines.join('\n')
}

/**
 * Demo review states as the workflow would leave them: in review with a co-producer and a
 * designer as reviewers, or approved by both for the version they reviewed.
 */
async function putInReview(
  payload: Payload,
  script: Script,
  status: 'inReview' | 'approved',
  reviewers: Id[],
) {
  const versions = await payload.findVersions({
    collection: 'scripts',
    where: { parent: { equals: script.id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
  })
  const versionId = String(versions.docs[0]?.id ?? '')
  const hash = contentHash(linesOf(script), script.characters ?? [])
  const at = new Date().toISOString()
  return payload.update({
    collection: 'scripts',
    id: script.id,
    data: {
      status,
      reviewers,
      reviewedVersionId: versionId,
      ...(status === 'approved'
        ? {
            approvedContentHash: hash,
            approvals: [
              { user: reviewers[0], role: 'coProducer', versionId, contentHash: hash, at },
              { user: reviewers[1], role: 'designer', versionId, contentHash: hash, at },
            ],
          }
        : {}),
    },
    overrideAccess: true,
  })
}
