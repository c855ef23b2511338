import fs from 'node:fs/promises'
import path from 'node:path'
import type { PayloadRequest } from 'payload'

import type * as Model from '../../domain/releases/model'
import { freezeDocuments } from '../../domain/releases/freeze'
import { plainTextFromRichText } from '../../domain/text/richText'
import type { Clip as ClipDoc } from '../../payload-types'
import { mediaDir } from '../config/paths'
import { derivedDir, KEY_PATTERN, sha256File } from '../storage/derived'
import { idText } from '../../domain/refs'
import type { Locale } from '../../domain/vocabulary'

const ids = (refs: unknown[] | null | undefined): string[] => (refs ?? []).map(idText)

export interface ToolkitModel {
  toolkit: Model.Toolkit
  modules: Model.Module[]
  exercises: Model.Exercise[]
  clips: Model.Clip[]
  scripts: Model.Script[]
  audiences: Model.Audience[]
  accents: Model.Accent[]
  /** Where each file the model names lives on disk, by sha256. */
  files: Map<string, string>
  /**
   * Each clip's HLS multivariant playlist on disk, by clip id. Not by sha256 like `files`: the
   * playlist names its media playlists by relative path, so clips with the same renditions and
   * accents have byte-identical masters in different folders.
   */
  hlsMasters: Map<string, string>
  /** What the release used, for the freeze record. */
  versions: { collection: string; id: string; title: string; versionId: string }[]
}

/**
 * The toolkit as plain release data in one locale: documents reduced to ids and text, and each
 * derived media file named by the sha256 of its bytes (hashed here, once per build).
 */
export async function loadToolkitModel(
  req: PayloadRequest,
  toolkitId: string,
  locale: Locale,
): Promise<ToolkitModel> {
  const { payload } = req
  const common = { req, overrideAccess: true, depth: 0, locale, pagination: false } as const
  const toolkit = await payload.findByID({ ...common, collection: 'toolkits', id: toolkitId })
  const modules = await payload.find({
    ...common,
    collection: 'modules',
    where: { toolkit: { equals: toolkit.id } },
  })
  const exercises = await payload.find({
    ...common,
    collection: 'exercises',
    where: { module: { in: modules.docs.map((m) => m.id) } },
  })
  const baseIds = [
    ...new Set(
      exercises.docs
        .map((e) => e.clip)
        .filter((c) => c != null)
        .map(idText),
    ),
  ]
  const clipDocs = baseIds.length
    ? await payload.find({
        ...common,
        collection: 'clips',
        where: { or: [{ id: { in: baseIds } }, { variantOf: { in: baseIds } }] },
      })
    : { docs: [] as ClipDoc[] }
  const scripts = clipDocs.docs.length
    ? await payload.find({
        ...common,
        collection: 'scripts',
        where: { clip: { in: clipDocs.docs.map((c) => c.id) } },
        draft: true,
      })
    : { docs: [] }
  const audiences = await payload.find({ ...common, collection: 'audiences' })
  const accents = await payload.find({ ...common, collection: 'accents' })
  const captionDocs = await payload.find({
    ...common,
    collection: 'captions',
    where: {
      id: { in: clipDocs.docs.flatMap((c) => (c.captions ?? []).map((r) => idText(r.track))) },
    },
  })

  const voiceDocs = new Map(
    (
      await payload.find({
        ...common,
        collection: 'voice-tracks',
        where: {
          id: {
            in: clipDocs.docs.flatMap((c) => (c.voiceTracks ?? []).map((r) => idText(r.track))),
          },
        },
      })
    ).docs.map((doc) => [String(doc.id), doc]),
  )

  const files = new Map<string, string>()
  const fileRef = async (file: string | null): Promise<Model.FileRef | null> => {
    if (!file) return null
    try {
      const [sha256, stat] = await Promise.all([sha256File(file), fs.stat(file)])
      files.set(sha256, file)
      return { sha256, bytes: stat.size }
    } catch {
      return null
    }
  }
  const derivedFile = (url: string | undefined | null): string | null => {
    const match = /^\/api\/media\/derived\/([0-9a-f]{64})\/(.+)$/.exec(url ?? '')
    return match && KEY_PATTERN.test(match[1])
      ? path.join(derivedDir(match[1]), ...match[2].split('/'))
      : null
  }

  const clips: Model.Clip[] = []
  const hlsMasters = new Map<string, string>()
  for (const clip of clipDocs.docs) {
    const details = (clip.processing?.details ?? {}) as {
      poster?: { url: string }
      offline?: { accentTag: string; url: string }[]
      hls?: { url: string } | null
    }
    const voices = (clip.voiceTracks ?? []).map(async (row) => {
      const voiceDoc = voiceDocs.get(idText(row.track))
      const normalised = (voiceDoc?.processing?.details as { normalised?: { url: string } } | null)
        ?.normalised
      return {
        accentId: idText(row.accent),
        stale: row.stale === true,
        file: await fileRef(derivedFile(normalised?.url)),
      }
    })
    const captions = (clip.captions ?? []).map(async (row) => {
      const doc = captionDocs.docs.find((c) => String(c.id) === idText(row.track))
      return {
        locale: row.locale,
        stale: row.stale === true,
        file: await fileRef(doc?.filename ? path.join(mediaDir('captions'), doc.filename) : null),
      }
    })
    const hlsMaster = derivedFile(details.hls?.url)
    if (hlsMaster) hlsMasters.set(String(clip.id), hlsMaster)
    const offline = []
    for (const entry of details.offline ?? []) {
      const ref = await fileRef(derivedFile(entry.url))
      if (ref) offline.push({ ...ref, accentTag: entry.accentTag })
    }
    clips.push({
      id: String(clip.id),
      slug: clip.slug,
      title: clip.title ?? clip.slug,
      audiences: ids(clip.audiences),
      variantOf: clip.variantOf != null ? idText(clip.variantOf) : null,
      variantAudience: clip.variantAudience != null ? idText(clip.variantAudience) : null,
      processing: {
        status: (clip.processing?.status ?? 'queued') as Model.ProcessingStatus,
        durationMs: clip.processing?.durationMs ?? null,
        reason: clip.processing?.reason ?? null,
      },
      voiceTracks: await Promise.all(voices),
      captions: await Promise.all(captions),
      poster: await fileRef(derivedFile(details.poster?.url)),
      hls: await fileRef(hlsMaster),
      offline,
    })
  }

  const published = new Map(
    scripts.docs.length
      ? (
          await payload.find({
            ...common,
            collection: 'scripts',
            where: { id: { in: scripts.docs.map((s) => s.id) } },
            draft: false,
          })
        ).docs.map((doc) => [idText(doc.id), doc])
      : [],
  )
  // The newest published version of each script: what the release froze.
  const publishedVersions = new Map<string, string>()
  if (scripts.docs.length) {
    const versions = await payload.findVersions({
      collection: 'scripts',
      where: {
        and: [
          { parent: { in: scripts.docs.map((s) => s.id) } },
          { 'version._status': { equals: 'published' } },
        ],
      },
      sort: '-updatedAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const version of versions.docs) {
      const parent = idText(version.parent)
      if (!publishedVersions.has(parent)) publishedVersions.set(parent, String(version.id))
    }
  }
  const publishedScripts = scripts.docs.map((script) => {
    const live = published.get(idText(script.id))
    return {
      id: String(script.id),
      clipId: idText(script.clip),
      title: script.title,
      status: (live?.status ?? 'draft') as Model.ScriptStatus,
      hasUnpublishedDraft: live == null || script.updatedAt !== live.updatedAt,
    }
  })

  const modelModules: Model.Module[] = modules.docs.map((m) => ({
    id: String(m.id),
    slug: m.slug,
    title: m.title ?? m.slug,
    order: m.order,
    mandatory: m.mandatory === true,
    audiences: ids(m.audiences),
  }))
  const modelExercises: Model.Exercise[] = exercises.docs.map((e) => ({
    id: String(e.id),
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
  }))

  return {
    toolkit: { id: String(toolkit.id), slug: toolkit.slug, title: toolkit.title ?? toolkit.slug },
    modules: modelModules,
    exercises: modelExercises,
    clips,
    scripts: publishedScripts,
    audiences: audiences.docs.map((a) => ({
      id: String(a.id),
      slug: a.slug,
      label: a.label ?? a.slug,
    })),
    accents: accents.docs.map((a) => ({ id: String(a.id), label: a.label ?? a.tag, tag: a.tag })),
    files,
    hlsMasters,
    versions: freezeDocuments({
      modules: modelModules,
      exercises: modelExercises,
      clips,
      scripts: scripts.docs.map((script) => ({
        id: String(script.id),
        title: script.title,
        publishedVersionId: publishedVersions.get(idText(script.id)) ?? null,
      })),
    }),
  }
}
