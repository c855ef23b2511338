import type { IdText } from '../refs'
import type { Audience, Clip, Exercise, Module } from '../releases/model'

/**
 * The clip an audience sees: its own variant of the base clip where one exists, else the base
 * clip itself. `variants` may hold any clips; only variants of `clip` for `audience` count, and
 * the first wins so the answer is stable even if validation ever let a duplicate through.
 */
export function resolveVariant(input: { clip: Clip; variants: Clip[]; audience: Audience }): Clip {
  const { clip, audience } = input
  return (
    input.variants.find((v) => v.variantOf === clip.id && v.variantAudience === audience.id) ?? clip
  )
}

/** An empty audience list means the document is for everyone. */
export function isForAudience(audiences: IdText[], audienceId: IdText): boolean {
  return audiences.length === 0 || audiences.includes(audienceId)
}

export type ResolutionProblemCode =
  'no-clip' | 'clip-not-found' | 'clip-is-variant' | 'clip-not-for-audience'

export type ResolvedExercise =
  | {
      exercise: Exercise
      clip: Clip
      baseClip: Clip
      viaVariant: boolean
      problem: null
    }
  | {
      exercise: Exercise
      clip: null
      baseClip: Clip | null
      viaVariant: false
      problem: { code: ResolutionProblemCode; message: string }
    }

export interface ResolvedModule {
  module: Module
  exercises: ResolvedExercise[]
}

/**
 * What one audience gets of a toolkit: modules in order, each with the exercises shown to that
 * audience in order, each exercise with the clip it plays for that audience. Exercises that
 * cannot be given a clip keep their place with a problem instead, so callers can show every
 * gap at once rather than stop at the first.
 */
export function resolveToolkitForAudience(input: {
  modules: Module[]
  exercises: Exercise[]
  clips: Clip[]
  audience: Audience
}): ResolvedModule[] {
  const { audience } = input
  const clipsById = new Map(input.clips.map((c) => [c.id, c]))
  return sortByOrder(input.modules)
    .filter((m) => isForAudience(m.audiences, audience.id))
    .map((module) => ({
      module,
      exercises: sortByOrder(input.exercises.filter((e) => e.moduleId === module.id))
        .filter((e) => isForAudience(e.audiences, audience.id))
        .map((exercise) => resolveExercise(exercise, clipsById, input.clips, audience)),
    }))
}

function resolveExercise(
  exercise: Exercise,
  clipsById: Map<IdText, Clip>,
  clips: Clip[],
  audience: Audience,
): ResolvedExercise {
  const fail = (
    code: ResolutionProblemCode,
    message: string,
    baseClip: Clip | null = null,
  ): ResolvedExercise => ({
    exercise,
    clip: null,
    baseClip,
    viaVariant: false,
    problem: { code, message },
  })
  if (exercise.clipId === null) return fail('no-clip', `Exercise "${exercise.title}" has no clip.`)
  const base = clipsById.get(exercise.clipId)
  if (!base) {
    return fail(
      'clip-not-found',
      `Exercise "${exercise.title}" uses clip ${exercise.clipId}, which was not found.`,
    )
  }
  // Variants are picked per audience; an exercise pointing straight at one would show it to all.
  if (base.variantOf !== null) {
    return fail(
      'clip-is-variant',
      `Exercise "${exercise.title}" uses "${base.title}", an audience variant; choose its base clip.`,
      base,
    )
  }
  const clip = resolveVariant({ clip: base, variants: clips, audience })
  const viaVariant = clip.id !== base.id
  // A variant is made for this audience, so only a base clip can be the wrong fit.
  if (!viaVariant && !isForAudience(base.audiences, audience.id)) {
    return fail(
      'clip-not-for-audience',
      `Clip "${base.title}" (exercise "${exercise.title}") is not for the ${audience.label} audience and has no variant for it.`,
      base,
    )
  }
  return { exercise, clip, baseClip: base, viaVariant, problem: null }
}

/** By `order`, then slug and id so equal orders still come out the same way every time. */
export function sortByOrder<T extends { order: number; slug: string; id: IdText }>(
  items: T[],
): T[] {
  return [...items].sort(
    (a, b) => a.order - b.order || compareText(a.slug, b.slug) || compareText(a.id, b.id),
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
