import type { PayloadRequest } from 'payload'

import { loadToolkitModel, type ToolkitModel } from './loadToolkitModel'
import {
  type ContributionSources,
  contributionsTo,
  creditsFor,
} from '../../domain/consent/consentRules'
import { idText } from '../../domain/refs'
import { preflight, type PreflightResult } from '../../domain/releases/preflight'
import { DEFAULT_LOCALE, type Locale } from '../../domain/vocabulary'
import type { Release, ReleaseContributions } from '../../payload-types'
import { consentOf } from '../consent/consentOf'

/**
 * Preflight for a release as chosen: every locale's documents must pass. Also whose work the
 * release would hold, and the pseudonyms it would credit.
 */
export async function runPreflight(
  req: PayloadRequest,
  release: Release,
): Promise<{
  result: PreflightResult
  models: Map<string, ToolkitModel>
  contributions: ReleaseContributions
}> {
  const locales = (release.locales ?? []) as Locale[]
  const models = new Map<string, ToolkitModel>()
  for (const locale of locales.length ? locales : [DEFAULT_LOCALE]) {
    models.set(locale, await loadToolkitModel(req, idText(release.toolkit), locale))
  }
  const base = models.values().next().value as ToolkitModel
  const audienceIds = (release.audiences ?? []).map(idText)
  const accentIds = (release.accents ?? []).map(idText)
  const sources = base.contributionSources
  const people = await consentOf(req, peopleIn(sources))
  const result = preflight({
    toolkit: base.toolkit,
    modules: base.modules,
    exercises: base.exercises,
    clips: base.clips,
    scripts: base.scripts,
    audiences: base.audiences.filter((a) => audienceIds.includes(a.id)),
    locales,
    accents: base.accents.filter((a) => accentIds.includes(a.id)),
    consent: { sources, people },
  })
  const contributed = contributionsTo(sources, {
    clipIds: usedClipIds(result),
    scripts: base.scripts,
    accentIds,
  })
  return {
    result,
    models,
    contributions: { people: contributed, credits: creditsFor(contributed, people) },
  }
}

const peopleIn = (sources: ContributionSources): string[] => [
  ...new Set([
    ...Object.values(sources.approvers).flat(),
    ...Object.values(sources.recorders).flatMap((byAccent) => Object.values(byAccent)),
  ]),
]

/** The clips the chosen audiences get, as the coverage matrix resolved them. */
const usedClipIds = (result: PreflightResult): string[] => [
  ...new Set(
    Object.values(result.coverage.cells).flatMap((row) =>
      Object.values(row).flatMap((cell) => ('clipId' in cell ? [cell.clipId] : [])),
    ),
  ),
]
