import type { DeliveryManifest, DeliveryManifestExercise } from '../../delivery-client/browser'

/** What a session walks through for each exercise, in this order. */
export const SESSION_STEPS = ['clip', 'worksheet', 'summary', 'task', 'diary'] as const
export type SessionStep = (typeof SESSION_STEPS)[number]

export interface Position {
  module: number
  exercise: number
  step: number
}

export interface OutlineExercise {
  slug: string
  title: string
  minutes: number | null
  position: Position
}

export interface OutlineModule {
  slug: string
  title: string
  /** A mandatory module is the toolkit's foundation: every session uses it. */
  isFoundation: boolean
  exercises: OutlineExercise[]
}

/** The modules and exercises a practitioner can jump to, foundation modules marked. */
export function outlineOf(manifest: DeliveryManifest): OutlineModule[] {
  return manifest.modules.map((module, m) => ({
    slug: module.slug,
    title: module.title,
    isFoundation: module.mandatory,
    exercises: module.exercises.map((exercise, e) => ({
      slug: exercise.slug,
      title: exercise.title,
      minutes: exercise.minutes,
      position: { module: m, exercise: e, step: 0 },
    })),
  }))
}

export const START: Position = { module: 0, exercise: 0, step: 0 }

export function exerciseAt(
  manifest: DeliveryManifest,
  at: Position,
): DeliveryManifestExercise | null {
  return manifest.modules[at.module]?.exercises[at.exercise] ?? null
}

/** The next step, crossing into the next exercise and module; null after the last. */
export function nextPosition(manifest: DeliveryManifest, at: Position): Position | null {
  if (at.step < SESSION_STEPS.length - 1) return { ...at, step: at.step + 1 }
  return nextExercise(manifest, at)
}

/** The first step of the exercise after this one; null after the last. */
export function nextExercise(manifest: DeliveryManifest, at: Position): Position | null {
  const exercises = manifest.modules[at.module]?.exercises ?? []
  if (at.exercise < exercises.length - 1)
    return { module: at.module, exercise: at.exercise + 1, step: 0 }
  for (let m = at.module + 1; m < manifest.modules.length; m++) {
    if (manifest.modules[m].exercises.length > 0) return { module: m, exercise: 0, step: 0 }
  }
  return null
}

/** The step before, crossing back into the previous exercise's last step; null at the start. */
export function previousPosition(manifest: DeliveryManifest, at: Position): Position | null {
  if (at.step > 0) return { ...at, step: at.step - 1 }
  const last = SESSION_STEPS.length - 1
  if (at.exercise > 0) return { module: at.module, exercise: at.exercise - 1, step: last }
  for (let m = at.module - 1; m >= 0; m--) {
    const count = manifest.modules[m].exercises.length
    if (count > 0) return { module: m, exercise: count - 1, step: last }
  }
  return null
}

/** The first exercise of the toolkit, skipping modules without exercises. */
export function firstPosition(manifest: DeliveryManifest): Position | null {
  const m = manifest.modules.findIndex((module) => module.exercises.length > 0)
  return m < 0 ? null : { module: m, exercise: 0, step: 0 }
}
