import { idText, type Id } from '../refs'

type Ref = Id | { id: Id } | null | undefined

export interface ToolkitRow {
  id: Id
  title: string
  slug: string
  moduleCount: number
  exerciseCount: number
  hasMandatoryModule: boolean
}

export function summariseToolkits(
  toolkits: { id: Id; title?: string | null; slug?: string | null }[],
  modules: { id: Id; toolkit?: Ref; mandatory?: boolean | null }[],
  exercises: { id: Id; module?: Ref }[],
): ToolkitRow[] {
  const exercisesPerModule = new Map<string, number>()
  for (const exercise of exercises) {
    const moduleId = idText(exercise.module)
    if (moduleId) exercisesPerModule.set(moduleId, (exercisesPerModule.get(moduleId) ?? 0) + 1)
  }
  return toolkits.map((toolkit) => {
    const own = modules.filter((m) => idText(m.toolkit) === String(toolkit.id))
    return {
      id: toolkit.id,
      title: toolkit.title ?? '(untitled)',
      slug: toolkit.slug ?? '',
      moduleCount: own.length,
      exerciseCount: own.reduce((sum, m) => sum + (exercisesPerModule.get(String(m.id)) ?? 0), 0),
      hasMandatoryModule: own.some((m) => m.mandatory === true),
    }
  })
}
