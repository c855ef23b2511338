import type { Clip as ClipDoc } from '../../payload-types'
import type { ContributionSources } from '../consent/consentRules'
import type { DerivedRef } from '../media/derivedRefs'
import { idText } from '../refs'
import { freezeDocuments } from './freeze'
import type * as Model from './model'
import { locationKey, type MediaLocation, type ToolkitDocuments } from './toolkitDocuments'
import { plainTextFromRichText } from '../text/richText'

/** The toolkit as plain release data, and what the release used for its freeze record. */
export interface ToolkitData {
  toolkit: Model.Toolkit
  modules: Model.Module[]
  exercises: Model.Exercise[]
  clips: Model.Clip[]
  scripts: Model.Script[]
  audiences: Model.Audience[]
  accents: Model.Accent[]
  versions: { collection: string; id: string; title: string; versionId: string }[]
  /** Whose words and voices the toolkit's scripts and clips hold. */
  contributionSources: ContributionSources
}

const ids = (refs: unknown[] | null | undefined): string[] => (refs ?? []).map(idText)

const derived = (ref: DerivedRef | null | undefined): MediaLocation | null =>
  ref ? { kind: 'derived', key: ref.key, file: ref.file } : null

/** Where each media file of a clip is, as its processing records name them. */
export function clipMediaLocations(
  clip: ClipDoc,
  docs: Pick<ToolkitDocuments, 'voiceTracks' | 'captions'>,
) {
  const details = clip.processing?.details
  return {
    poster: derived(details?.poster),
    hls: derived(details?.hls),
    offline: (details?.offline ?? []).map((entry) => ({
      accentTag: entry.accentTag,
      location: derived(entry),
    })),
    voices: (clip.voiceTracks ?? []).map((row) => {
      const voice = docs.voiceTracks.find((v) => idText(v.id) === idText(row.track))
      const normalised = (voice?.processing?.details as { normalised?: DerivedRef } | null)
        ?.normalised
      return { row, location: derived(normalised) }
    }),
    captions: (clip.captions ?? []).map((row) => {
      const caption = docs.captions.find((c) => idText(c.id) === idText(row.track))
      const location: MediaLocation | null = caption?.filename
        ? { kind: 'upload', collection: 'captions', filename: caption.filename }
        : null
      return { row, location }
    }),
  }
}

/** Every media file the toolkit's clips name, for the loader to find and hash. */
export function mediaLocationsOf(docs: ToolkitDocuments): MediaLocation[] {
  return docs.clips.flatMap((clip) => {
    const media = clipMediaLocations(clip, docs)
    return [
      media.poster,
      media.hls,
      ...media.offline.map((o) => o.location),
      ...media.voices.map((v) => v.location),
      ...media.captions.map((c) => c.location),
    ].filter((location): location is MediaLocation => location !== null)
  })
}

/**
 * The documents as release data in one locale: reduced to ids and text, each media file named
 * by the sha256 and size found for it in `refs` (by locationKey), or null where none was.
 */
export function toModel(
  docs: ToolkitDocuments,
  refs: ReadonlyMap<string, Model.FileRef>,
): ToolkitData {
  const refOf = (location: MediaLocation | null) =>
    location ? (refs.get(locationKey(location)) ?? null) : null
  const modules = docs.modules.map(toModule)
  const exercises = docs.exercises.map(toExercise)
  const clips = docs.clips.map((clip) => toClip(clip, docs, refOf))
  return {
    toolkit: {
      id: idText(docs.toolkit.id),
      slug: docs.toolkit.slug,
      title: docs.toolkit.title ?? docs.toolkit.slug,
    },
    modules,
    exercises,
    clips,
    scripts: docs.scripts.map((script) => toScript(script, docs.publishedScripts)),
    audiences: docs.audiences.map((a) => ({
      id: idText(a.id),
      slug: a.slug,
      label: a.label ?? a.slug,
    })),
    accents: docs.accents.map((a) => ({ id: idText(a.id), label: a.label ?? a.tag, tag: a.tag })),
    contributionSources: contributionSourcesOf(docs),
    versions: freezeDocuments({
      modules,
      exercises,
      clips,
      scripts: docs.scripts.map((script) => ({
        id: idText(script.id),
        title: script.title,
        publishedVersionId: docs.publishedVersionIds.get(idText(script.id)) ?? null,
      })),
    }),
  }
}

/**
 * The co-producers whose approval each script's published version carries (approvals of older
 * versions signed other words), and who recorded each clip's voice in each accent.
 */
function contributionSourcesOf(docs: ToolkitDocuments): ContributionSources {
  const approvers: ContributionSources['approvers'] = {}
  for (const script of docs.scripts) {
    const live = docs.publishedScripts.get(idText(script.id))
    if (!live) continue
    approvers[idText(script.id)] = [
      ...new Set(
        (live.approvals ?? [])
          .filter((a) => a.role === 'coProducer' && a.versionId === live.reviewedVersionId)
          .map((a) => idText(a.user)),
      ),
    ]
  }
  const recorders: ContributionSources['recorders'] = {}
  for (const clip of docs.clips) {
    for (const row of clip.voiceTracks ?? []) {
      const track = docs.voiceTracks.find((v) => idText(v.id) === idText(row.track))
      if (track?.recordedBy == null) continue
      ;(recorders[idText(clip.id)] ??= {})[idText(row.accent)] = idText(track.recordedBy)
    }
  }
  return { approvers, recorders }
}

function toClip(
  clip: ClipDoc,
  docs: ToolkitDocuments,
  refOf: (location: MediaLocation | null) => Model.FileRef | null,
): Model.Clip {
  const media = clipMediaLocations(clip, docs)
  return {
    id: idText(clip.id),
    slug: clip.slug,
    title: clip.title ?? clip.slug,
    audiences: ids(clip.audiences),
    variantOf: clip.variantOf != null ? idText(clip.variantOf) : null,
    variantAudience: clip.variantAudience != null ? idText(clip.variantAudience) : null,
    processing: {
      status: clip.processing?.status ?? 'queued',
      durationMs: clip.processing?.durationMs ?? null,
      reason: clip.processing?.reason ?? null,
    },
    voiceTracks: media.voices.map(({ row, location }) => ({
      accentId: idText(row.accent),
      stale: row.stale === true,
      file: refOf(location),
    })),
    captions: media.captions.map(({ row, location }) => ({
      locale: row.locale,
      stale: row.stale === true,
      file: refOf(location),
    })),
    poster: refOf(media.poster),
    hls: refOf(media.hls),
    offline: media.offline.flatMap(({ accentTag, location }) => {
      const ref = refOf(location)
      return ref ? [{ ...ref, accentTag }] : []
    }),
  }
}

function toScript(
  script: ToolkitDocuments['scripts'][number],
  published: ToolkitDocuments['publishedScripts'],
): Model.Script {
  const live = published.get(idText(script.id))
  return {
    id: idText(script.id),
    clipId: idText(script.clip),
    title: script.title,
    status: live?.status ?? 'draft',
    hasUnpublishedDraft: live == null || script.updatedAt !== live.updatedAt,
  }
}

function toModule(m: ToolkitDocuments['modules'][number]): Model.Module {
  return {
    id: idText(m.id),
    slug: m.slug,
    title: m.title ?? m.slug,
    order: m.order,
    mandatory: m.mandatory === true,
    audiences: ids(m.audiences),
  }
}

function toExercise(e: ToolkitDocuments['exercises'][number]): Model.Exercise {
  return {
    id: idText(e.id),
    moduleId: idText(e.module),
    slug: e.slug,
    title: e.title ?? e.slug,
    order: e.order,
    clipId: e.clip != null ? idText(e.clip) : null,
    audiences: ids(e.audiences),
    minutes: e.minutes ?? null,
    worksheet: {
      intro: plainTextFromRichText(e.worksheet?.intro),
      questions: (e.worksheet?.questions ?? []).map((q) => ({
        prompt: q.prompt ?? '',
        answerType: q.answerType,
        options: (q.options ?? []).map((o) => o.label ?? ''),
      })),
    },
    task: e.task ?? '',
    keyPoints: (e.summary?.keyPoints ?? []).map((k) => k.point ?? ''),
    diaryPrompts: (e.diaryPrompts ?? []).map((d) => d.prompt ?? ''),
  }
}
