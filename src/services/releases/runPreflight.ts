import type { PayloadRequest } from 'payload'

import { loadToolkitModel, type ToolkitModel } from './loadToolkitModel'
import { idText } from '../../domain/refs'
import { preflight, type PreflightResult } from '../../domain/releases/preflight'
import { DEFAULT_LOCALE, type Locale } from '../../domain/vocabulary'
import type { Release } from '../../payload-types'

/** Preflight for a release as chosen: every locale's documents must pass. */
export async function runPreflight(
  req: PayloadRequest,
  release: Release,
): Promise<{ result: PreflightResult; models: Map<string, ToolkitModel> }> {
  const locales = (release.locales ?? []) as Locale[]
  const models = new Map<string, ToolkitModel>()
  for (const locale of locales.length ? locales : [DEFAULT_LOCALE]) {
    models.set(locale, await loadToolkitModel(req, idText(release.toolkit), locale))
  }
  const base = models.values().next().value as ToolkitModel
  const audienceIds = (release.audiences ?? []).map(idText)
  const accentIds = (release.accents ?? []).map(idText)
  const result = preflight({
    toolkit: base.toolkit,
    modules: base.modules,
    exercises: base.exercises,
    clips: base.clips,
    scripts: base.scripts,
    audiences: base.audiences.filter((a) => audienceIds.includes(a.id)),
    locales,
    accents: base.accents.filter((a) => accentIds.includes(a.id)),
  })
  return { result, models }
}
