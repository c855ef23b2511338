import type { Id } from '../refs'

export interface AudienceRef {
  id: Id
  label: string
}

/**
 * The audiences an exercise is shown to: its own restriction narrowed by its module's. An empty
 * list at both levels means every audience (`'all'`).
 */
export function effectiveAudiences(
  exerciseAudiences: AudienceRef[],
  moduleAudiences: AudienceRef[],
): AudienceRef[] | 'all' {
  if (exerciseAudiences.length === 0 && moduleAudiences.length === 0) return 'all'
  if (moduleAudiences.length === 0) return exerciseAudiences
  if (exerciseAudiences.length === 0) return moduleAudiences
  const inModule = new Set(moduleAudiences.map((a) => String(a.id)))
  return exerciseAudiences.filter((a) => inModule.has(String(a.id)))
}

/**
 * An exercise must point at a base clip that suits everyone who will see the exercise; audience
 * variants are picked automatically at release time, so pointing at one directly is an error.
 * Returns a message for the `clip` field, or null when the choice is fine.
 */
export function checkExerciseClip(input: {
  clip: { title: string; audiences: AudienceRef[]; isVariant: boolean }
  exerciseAudiences: AudienceRef[]
  moduleAudiences: AudienceRef[]
}): string | null {
  const { clip } = input
  if (clip.isVariant) {
    return `Clip "${clip.title}" is an audience variant. Choose its base clip: variants are picked automatically for each audience.`
  }
  if (clip.audiences.length === 0) return null
  const shownTo = effectiveAudiences(input.exerciseAudiences, input.moduleAudiences)
  const allowed = new Set(clip.audiences.map((a) => String(a.id)))
  const clipLabels = clip.audiences.map((a) => a.label).join(', ')
  if (shownTo === 'all') {
    return `Clip "${clip.title}" is restricted to ${clipLabels}, but this exercise is shown to every audience. Restrict the exercise or choose another clip.`
  }
  const outside = shownTo.filter((a) => !allowed.has(String(a.id)))
  if (outside.length === 0) return null
  return `Clip "${clip.title}" is restricted to ${clipLabels}, but this exercise is also shown to ${outside
    .map((a) => a.label)
    .join(', ')}.`
}

/** Rules for a clip's own variant fields. Returns [fieldPath, message] pairs. */
export function checkVariantFields(input: {
  clipId?: Id
  variantOf?: { id: Id; title: string; isVariant: boolean } | null
  variantAudience?: Id | null
  siblingWithSameAudience?: { title: string } | null
}): { path: 'variantOf' | 'variantAudience'; message: string }[] {
  const problems: { path: 'variantOf' | 'variantAudience'; message: string }[] = []
  const { variantOf, variantAudience } = input
  if (!variantOf) {
    if (variantAudience != null) {
      problems.push({
        path: 'variantOf',
        message:
          'A variant audience is set but no base clip: choose the clip this is a variant of.',
      })
    }
    return problems
  }
  if (input.clipId != null && String(variantOf.id) === String(input.clipId)) {
    problems.push({ path: 'variantOf', message: 'A clip cannot be a variant of itself.' })
  } else if (variantOf.isVariant) {
    problems.push({
      path: 'variantOf',
      message: `"${variantOf.title}" is itself a variant; choose its base clip.`,
    })
  }
  if (variantAudience == null) {
    problems.push({ path: 'variantAudience', message: 'Choose the audience this variant is for.' })
  } else if (input.siblingWithSameAudience) {
    problems.push({
      path: 'variantAudience',
      message: `"${variantOf.title}" already has a variant for this audience: "${input.siblingWithSameAudience.title}".`,
    })
  }
  return problems
}
