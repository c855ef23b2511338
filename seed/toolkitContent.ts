import type { Payload } from 'payload'

import { contentHash, linesOf } from '../src/domain/scripts/scriptDiff'
import { richTextFromParagraphs } from '../src/domain/text/richText'
import type { Audience, Clip, Image, Script } from '../src/payload-types'
import { SEED_CLIPS_IN_DEVELOPMENT } from './content/inDevelopment'
import { SEED_CLIPS, SEED_MODULES, SEED_TOOLKIT } from './content/toolkit'
import { ANIMATION_COUNT, createCaptions, type SeedMedia } from './media'
import { addWelshTitle, type Id, type SeedRun } from './seedContext'

// Scripts a co-producer worked on in the demo. Every script the toolkit uses is approved, so
// the demo can be released; the clips in development are where review is still going on.
const ASSIGNED_MODULES = new Set(['foundation', 'emotions'])
const IN_DEVELOPMENT_STATUS = ['inReview', 'draft'] as const

export async function seedToolkit(run: SeedRun, cover: Image) {
  return run.ensure('toolkits', { slug: { equals: SEED_TOOLKIT.slug } }, async () => {
    const doc = await run.payload.create({
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
    await addWelshTitle(run, 'toolkits', doc.id, SEED_TOOLKIT.titleCy)
    return doc
  })
}

export const ALL_CLIPS = [...SEED_CLIPS, ...SEED_CLIPS_IN_DEVELOPMENT]

export async function seedClips(
  run: SeedRun,
  { audiences, media }: { audiences: Map<string, Audience>; media: SeedMedia },
): Promise<Map<string, Clip>> {
  const clipsBySlug = new Map<string, Clip>()
  for (const [index, seedClip] of ALL_CLIPS.entries()) {
    const clip = await run.ensure<Clip>('clips', { slug: { equals: seedClip.slug } }, async () => {
      const captionTrack = await createCaptions(run.payload, seedClip)
      run.created.captions = (run.created.captions ?? 0) + 1
      return run.payload.create({
        collection: 'clips',
        data: {
          title: seedClip.title,
          slug: seedClip.slug,
          variantOf: seedClip.variantOf ? clipsBySlug.get(seedClip.variantOf)?.id : undefined,
          variantAudience: seedClip.variantAudience
            ? audiences.get(seedClip.variantAudience)?.id
            : undefined,
          animation: media.animations[index % ANIMATION_COUNT].id,
          poster: media.posters[index % ANIMATION_COUNT].id,
          voiceTracks: media.voiceTracks,
          captions: [{ locale: 'en-GB', track: captionTrack }],
        },
        overrideAccess: true,
      })
    })
    clipsBySlug.set(seedClip.slug, clip)
  }
  return clipsBySlug
}

/** The clips a co-producer works on: the assigned modules' clips, their variants, and those in development. */
export function clipsAssignedToCoProducer(): Set<string> {
  const assigned = new Set(
    SEED_MODULES.filter((m) => ASSIGNED_MODULES.has(m.slug)).flatMap((m) =>
      m.exercises.map((e) => e.clip),
    ),
  )
  for (const seedClip of SEED_CLIPS) {
    if (seedClip.variantOf && assigned.has(seedClip.variantOf)) assigned.add(seedClip.slug)
  }
  for (const seedClip of SEED_CLIPS_IN_DEVELOPMENT) assigned.add(seedClip.slug)
  return assigned
}

export async function seedScripts(
  run: SeedRun,
  { clipsBySlug, users }: { clipsBySlug: Map<string, Clip>; users: Record<string, Id> },
) {
  const assignedClips = clipsAssignedToCoProducer()
  for (const seedClip of ALL_CLIPS) {
    const clip = clipsBySlug.get(seedClip.slug)!
    const developing = SEED_CLIPS_IN_DEVELOPMENT.indexOf(seedClip)
    const status = developing < 0 ? 'approved' : IN_DEVELOPMENT_STATUS[developing]
    await run.ensure('scripts', { clip: { equals: clip.id } }, async () => {
      const script = await run.payload.create({
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
        : putInReview(run.payload, script, status, [users.coProducer, users.designer])
    })
  }
}

export async function seedModules(
  run: SeedRun,
  input: { toolkit: { id: Id }; clipsBySlug: Map<string, Clip>; audiences: Map<string, Audience> },
) {
  for (const [moduleIndex, seedModule] of SEED_MODULES.entries()) {
    const moduleDoc = await run.ensure(
      'modules',
      { and: [{ toolkit: { equals: input.toolkit.id } }, { slug: { equals: seedModule.slug } }] },
      async () => {
        const doc = await run.payload.create({
          collection: 'modules',
          data: {
            toolkit: input.toolkit.id,
            title: seedModule.title,
            slug: seedModule.slug,
            order: moduleIndex + 1,
            mandatory: seedModule.mandatory,
            intro: richTextFromParagraphs([seedModule.intro]),
          },
          overrideAccess: true,
        })
        await addWelshTitle(run, 'modules', doc.id, seedModule.titleCy)
        return doc
      },
    )
    for (const [exerciseIndex, exercise] of seedModule.exercises.entries())
      await seedExercise(run, {
        ...input,
        moduleId: moduleDoc.id,
        order: exerciseIndex + 1,
        exercise,
      })
  }
}

export type SeedExercise = (typeof SEED_MODULES)[number]['exercises'][number]

export async function seedExercise(
  run: SeedRun,
  input: {
    moduleId: Id
    order: number
    exercise: SeedExercise
    clipsBySlug: Map<string, Clip>
    audiences: Map<string, Audience>
  },
) {
  const { exercise } = input
  await run.ensure(
    'exercises',
    { and: [{ module: { equals: input.moduleId } }, { slug: { equals: exercise.slug } }] },
    async () => {
      const doc = await run.payload.create({
        collection: 'exercises',
        data: {
          module: input.moduleId,
          title: exercise.title,
          slug: exercise.slug,
          order: input.order,
          clip: input.clipsBySlug.get(exercise.clip)?.id,
          minutes: exercise.minutes,
          audiences: (exercise.audiences ?? []).map((slug) => input.audiences.get(slug)!.id),
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
      await addWelshTitle(run, 'exercises', doc.id, exercise.titleCy)
      return doc
    },
  )
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
