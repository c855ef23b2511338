import type {
  Accent,
  Audience,
  Clip,
  DocumentRef,
  Exercise,
  Module,
  Script,
  Toolkit,
} from './model'
import { consentDate, type ContributionSources, type PersonConsent } from '../consent/consentRules'
import type { IdText } from '../refs'
import {
  isForAudience,
  type ResolutionProblemCode,
  resolveToolkitForAudience,
  sortByOrder,
} from '../variants/resolveVariant'

export type PreflightCode =
  | 'no-audiences'
  | 'no-locales'
  | 'no-accents'
  | 'no-foundation'
  | ResolutionProblemCode
  | 'no-script'
  | 'script-not-approved'
  | 'unpublished-draft'
  | 'media-not-ready'
  | 'missing-voice-track'
  | 'stale-voice-track'
  | 'missing-caption'
  | 'stale-caption'
  | 'consent-withdrawn'

export interface PreflightProblem {
  code: PreflightCode
  message: string
  /** The document to open to fix the problem. */
  document: DocumentRef
}

export type CoverageCell =
  | { clipId: IdText; clipTitle: string; viaVariant: boolean }
  | { problem: string }
  /** The exercise, or its whole module, is limited to other audiences: nothing to cover. */
  | { notShown: 'module' | 'exercise' }

export interface Coverage {
  audiences: Audience[]
  /** Every exercise of the toolkit, modules in order and exercises in order within each. */
  exercises: { id: IdText; title: string; moduleId: IdText; moduleTitle: string }[]
  /** audience id → exercise id → what that audience gets for that exercise. */
  cells: Record<IdText, Record<IdText, CoverageCell>>
}

export interface PreflightResult {
  ok: boolean
  problems: PreflightProblem[]
  coverage: Coverage
}

export interface PreflightInput {
  toolkit: Toolkit
  /** The toolkit's modules. */
  modules: Module[]
  /** The exercises of those modules; others are ignored. */
  exercises: Exercise[]
  /** Base clips and their variants. */
  clips: Clip[]
  scripts: Script[]
  /** Chosen for the release. */
  audiences: Audience[]
  /** Chosen for the release, e.g. ['en-GB', 'cy']. */
  locales: string[]
  /** Chosen for the release. */
  accents: Accent[]
  /** Whose work each script and voice track holds, and the consent of those people. */
  consent?: { sources: ContributionSources; people: Record<IdText, PersonConsent> }
}

const SCRIPT_STATUS_WORDS: Record<Exclude<Script['status'], 'approved'>, string> = {
  draft: 'is a draft',
  inReview: 'is in review',
  changesRequested: 'has changes requested',
}

/**
 * Every reason the chosen audiences, locales and accents of a toolkit cannot be released yet,
 * and the audience × exercise coverage matrix. Shown in the admin before publishing and checked
 * again on the server, so both see the same answer. Problems come in a stable order: the
 * selection, the toolkit, exercises, then each used clip in the order first used.
 */
export function preflight(input: PreflightInput): PreflightResult {
  const { problems, report } = problemList()
  const toolkitRef: DocumentRef = {
    collection: 'toolkits',
    id: input.toolkit.id,
    title: input.toolkit.title,
  }
  checkSelection(input, toolkitRef, report)
  const coverage = emptyCoverage(input)
  const usedClips: Clip[] = []
  for (const audience of input.audiences) {
    coverage.cells[audience.id] = coverageRow(
      input,
      coverage,
      audience,
      toolkitRef,
      report,
      usedClips,
    )
  }
  for (const clip of usedClips) checkClip(clip, input, report)
  return { ok: problems.length === 0, problems, coverage }
}

type Report = (code: PreflightCode, message: string, document: DocumentRef) => void

/** The problems found so far, each said once: the same exercise or clip is met once per audience. */
function problemList(): { problems: PreflightProblem[]; report: Report } {
  const problems: PreflightProblem[] = []
  const seen = new Set<string>()
  const report: Report = (code, message, document) => {
    const key = `${code}\u0000${document.collection}\u0000${document.id}\u0000${message}`
    if (seen.has(key)) return
    seen.add(key)
    problems.push({ code, message, document })
  }
  return { problems, report }
}

/** The release's choices, and the toolkit's mandatory foundation module. */
function checkSelection(input: PreflightInput, toolkitRef: DocumentRef, report: Report) {
  if (input.audiences.length === 0)
    report('no-audiences', 'Choose at least one audience for the release.', toolkitRef)
  if (input.locales.length === 0)
    report('no-locales', 'Choose at least one locale for the release.', toolkitRef)
  if (input.accents.length === 0)
    report('no-accents', 'Choose at least one accent for the release.', toolkitRef)
  if (!input.modules.some((m) => m.mandatory)) {
    report(
      'no-foundation',
      `Toolkit "${input.toolkit.title}" has no mandatory foundation module.`,
      toolkitRef,
    )
  }
}

/** The matrix's rows and columns: every exercise, grouped by module in order; no cells yet. */
function emptyCoverage(input: PreflightInput): Coverage {
  const modules = sortByOrder(input.modules)
  return {
    audiences: input.audiences,
    exercises: modules.flatMap((module) =>
      sortByOrder(input.exercises.filter((e) => e.moduleId === module.id)).map((e) => ({
        id: e.id,
        title: e.title,
        moduleId: module.id,
        moduleTitle: module.title,
      })),
    ),
    cells: {},
  }
}

/**
 * One audience's row of the matrix, filled in matrix order so it reads left to right like the
 * table; the clips it uses are added to `usedClips` in the order first met.
 */
function coverageRow(
  input: PreflightInput,
  coverage: Coverage,
  audience: Audience,
  toolkitRef: DocumentRef,
  report: Report,
  usedClips: Clip[],
): Record<IdText, CoverageCell> {
  const mandatory = input.modules.filter((m) => m.mandatory)
  if (mandatory.length > 0 && !mandatory.some((m) => isForAudience(m.audiences, audience.id))) {
    report(
      'no-foundation',
      `Toolkit "${input.toolkit.title}" has no mandatory foundation module for the ${audience.label} audience.`,
      toolkitRef,
    )
  }
  const modulesById = new Map(input.modules.map((m) => [m.id, m]))
  const exercisesById = new Map(input.exercises.map((e) => [e.id, e]))
  const resolved = new Map(
    resolveToolkitForAudience({
      modules: sortByOrder(input.modules),
      exercises: input.exercises,
      clips: input.clips,
      audience,
    })
      .flatMap((m) => m.exercises)
      .map((entry) => [entry.exercise.id, entry]),
  )
  const row: Record<IdText, CoverageCell> = {}
  for (const { id } of coverage.exercises) {
    const exercise = exercisesById.get(id) as Exercise
    const entry = resolved.get(id)
    if (!entry) {
      const parent = modulesById.get(exercise.moduleId) as Module
      row[id] = { notShown: isForAudience(parent.audiences, audience.id) ? 'exercise' : 'module' }
    } else if (entry.problem) {
      row[id] = { problem: entry.problem.message }
      report(entry.problem.code, entry.problem.message, {
        collection: 'exercises',
        id,
        title: exercise.title,
      })
    } else {
      row[id] = { clipId: entry.clip.id, clipTitle: entry.clip.title, viaVariant: entry.viaVariant }
      if (!usedClips.some((c) => c.id === entry.clip.id)) usedClips.push(entry.clip)
    }
  }
  return row
}

function checkClip(clip: Clip, input: PreflightInput, report: Report) {
  const clipRef: DocumentRef = { collection: 'clips', id: clip.id, title: clip.title }
  const name = `Clip "${clip.title}"`

  const scripts = input.scripts.filter((s) => s.clipId === clip.id)
  if (scripts.length === 0) report('no-script', `${name} has no script.`, clipRef)
  for (const script of scripts) {
    const scriptRef: DocumentRef = { collection: 'scripts', id: script.id, title: script.title }
    if (script.status !== 'approved') {
      report(
        'script-not-approved',
        `Script "${script.title}" ${SCRIPT_STATUS_WORDS[script.status]}, not approved.`,
        scriptRef,
      )
    }
    // The release freezes published versions, so a newer draft would silently be left out.
    if (script.hasUnpublishedDraft) {
      report(
        'unpublished-draft',
        `Script "${script.title}" has unpublished changes; publish or discard them.`,
        scriptRef,
      )
    }
    for (const person of withdrawnPeople(
      input,
      input.consent?.sources.approvers[script.id],
      'words',
    )) {
      report(
        'consent-withdrawn',
        `Script "${script.title}" was approved by ${person.pseudonym}, who withdrew consent to use their words on ${person.at}. Reopen the script, replace their words or have it approved again by others.`,
        scriptRef,
      )
    }
  }

  const { status, reason } = clip.processing
  if (status !== 'ready') {
    const message =
      status === 'failed'
        ? `${name} failed processing${reason ? `: ${stripFinalStop(reason)}` : ''}.`
        : status === 'processing'
          ? `${name} is still being processed.`
          : `${name} is waiting to be processed.`
    report('media-not-ready', message, clipRef)
  }

  for (const accent of input.accents) {
    const track = clip.voiceTracks.find((t) => t.accentId === accent.id)
    if (!track) {
      report('missing-voice-track', `${name} has no voice track for ${accent.label}.`, clipRef)
    } else if (track.stale) {
      report(
        'stale-voice-track',
        `${name} has a stale voice track for ${accent.label}: the script changed after it was recorded.`,
        clipRef,
      )
    }
    const recorder = input.consent?.sources.recorders[clip.id]?.[accent.id]
    for (const person of withdrawnPeople(input, recorder ? [recorder] : [], 'voice')) {
      report(
        'consent-withdrawn',
        `${name} uses the voice of ${person.pseudonym} for ${accent.label}, who withdrew consent to use their voice on ${person.at}. Replace the voice track.`,
        clipRef,
      )
    }
  }
  for (const locale of input.locales) {
    const caption = clip.captions.find((c) => c.locale === locale)
    if (!caption) {
      report('missing-caption', `${name} has no captions for locale ${locale}.`, clipRef)
    } else if (caption.stale) {
      report(
        'stale-caption',
        `${name} has stale captions for locale ${locale}: the script changed after they were made.`,
        clipRef,
      )
    }
  }
}

/** The people among `userIds` who have withdrawn `part`, with the date they did. */
function withdrawnPeople(
  input: PreflightInput,
  userIds: readonly IdText[] | undefined,
  part: 'words' | 'voice',
): { pseudonym: string; at: string }[] {
  return (userIds ?? []).flatMap((userId) => {
    const person = input.consent?.people[userId]
    const at = person?.withdrawn[part]
    return person && at ? [{ pseudonym: person.pseudonym, at: consentDate(at) }] : []
  })
}

function stripFinalStop(text: string): string {
  return text.trim().replace(/\.+$/, '')
}
