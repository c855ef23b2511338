import type { PayloadRequest } from 'payload'

import { idText } from '../../domain/refs'
import type { FileRef } from '../../domain/releases/model'
import {
  clipMediaLocations,
  mediaLocationsOf,
  type ToolkitData,
  toModel,
} from '../../domain/releases/toModel'
import {
  locationKey,
  type MediaLocation,
  type ToolkitDocuments,
} from '../../domain/releases/toolkitDocuments'
import { derivedKey, type MediaKey, uploadKey } from '../../domain/storage/mediaKeys'
import type { Locale } from '../../domain/vocabulary'
import { storedSha256 } from '../../lib/storage/storedHash'

export interface ToolkitModel extends ToolkitData {
  /** Where each file the model names is stored, by sha256. */
  files: Map<string, MediaKey>
  /**
   * Each clip's stored HLS multivariant playlist, by clip id. Not by sha256 like `files`: the
   * playlist names its media playlists by relative path, so clips with the same renditions and
   * accents have byte-identical masters in different folders.
   */
  hlsMasters: Map<string, MediaKey>
}

/**
 * The toolkit as plain release data in one locale: the documents it reads, reduced to ids and
 * text by toModel(), and each media file named by the sha256 of its bytes (hashed here, once
 * per build).
 */
export async function loadToolkitModel(
  req: PayloadRequest,
  toolkitId: string,
  locale: Locale,
): Promise<ToolkitModel> {
  const docs = await loadToolkitDocuments(req, toolkitId, locale)
  const { refs, files } = await hashMedia(mediaLocationsOf(docs))
  const hlsMasters = new Map<string, MediaKey>()
  for (const clip of docs.clips) {
    const hls = clipMediaLocations(clip, docs).hls
    if (hls) hlsMasters.set(idText(clip.id), keyOf(hls))
  }
  return { ...toModel(docs, refs), files, hlsMasters }
}

/** Where a media file is in the media store. */
function keyOf(location: MediaLocation): MediaKey {
  return location.kind === 'derived'
    ? derivedKey(location.key, location.file)
    : uploadKey(location.collection, location.filename)
}

/** The sha256 and size of each file that exists, by location; and each file's key by sha256. */
async function hashMedia(locations: MediaLocation[]) {
  const refs = new Map<string, FileRef>()
  const files = new Map<string, MediaKey>()
  for (const location of locations) {
    const key = locationKey(location)
    if (refs.has(key)) continue
    const stored = keyOf(location)
    try {
      const { sha256, bytes } = await storedSha256(stored)
      refs.set(key, { sha256, bytes })
      files.set(sha256, stored)
    } catch {
      // A missing file leaves the model's reference empty; preflight names what is missing.
    }
  }
  return { refs, files }
}

/** Everything a release of the toolkit reads, in one locale, with access control bypassed. */
export async function loadToolkitDocuments(
  req: PayloadRequest,
  toolkitId: string,
  locale: Locale,
): Promise<ToolkitDocuments> {
  const { payload } = req
  const common = { req, overrideAccess: true, depth: 0, locale, pagination: false } as const
  const toolkit = await payload.findByID({ ...common, collection: 'toolkits', id: toolkitId })
  const modules = (
    await payload.find({
      ...common,
      collection: 'modules',
      where: { toolkit: { equals: toolkit.id } },
    })
  ).docs
  const exercises = (
    await payload.find({
      ...common,
      collection: 'exercises',
      where: { module: { in: modules.map((m) => m.id) } },
    })
  ).docs
  const baseIds = [...new Set(exercises.flatMap((e) => (e.clip == null ? [] : [idText(e.clip)])))]
  const clips = baseIds.length
    ? (
        await payload.find({
          ...common,
          collection: 'clips',
          where: { or: [{ id: { in: baseIds } }, { variantOf: { in: baseIds } }] },
        })
      ).docs
    : []
  const scripts = clips.length
    ? (
        await payload.find({
          ...common,
          collection: 'scripts',
          where: { clip: { in: clips.map((c) => c.id) } },
          draft: true,
        })
      ).docs
    : []
  const trackIds = (rows: { track: unknown }[]) => rows.map((r) => idText(r.track))
  return {
    toolkit,
    modules,
    exercises,
    clips,
    scripts,
    publishedScripts: await publishedScripts(req, scripts, locale),
    publishedVersionIds: await publishedVersionIds(req, scripts),
    audiences: (await payload.find({ ...common, collection: 'audiences' })).docs,
    accents: (await payload.find({ ...common, collection: 'accents' })).docs,
    captions: (
      await payload.find({
        ...common,
        collection: 'captions',
        where: { id: { in: clips.flatMap((c) => trackIds(c.captions ?? [])) } },
      })
    ).docs,
    voiceTracks: (
      await payload.find({
        ...common,
        collection: 'voice-tracks',
        where: { id: { in: clips.flatMap((c) => trackIds(c.voiceTracks ?? [])) } },
      })
    ).docs,
  }
}

/** The published version of each script that has one, by id. */
async function publishedScripts(
  req: PayloadRequest,
  scripts: ToolkitDocuments['scripts'],
  locale: Locale,
): Promise<Map<string, ToolkitDocuments['scripts'][number]>> {
  if (!scripts.length) return new Map()
  const { docs } = await req.payload.find({
    req,
    overrideAccess: true,
    depth: 0,
    locale,
    pagination: false,
    collection: 'scripts',
    where: { id: { in: scripts.map((s) => s.id) } },
    draft: false,
  })
  return new Map(docs.map((doc) => [idText(doc.id), doc]))
}

/** The newest published version of each script: what a release freezes. */
async function publishedVersionIds(
  req: PayloadRequest,
  scripts: ToolkitDocuments['scripts'],
): Promise<Map<string, string>> {
  const newest = new Map<string, string>()
  if (!scripts.length) return newest
  const versions = await req.payload.findVersions({
    collection: 'scripts',
    where: {
      and: [
        { parent: { in: scripts.map((s) => s.id) } },
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
    if (!newest.has(parent)) newest.set(parent, String(version.id))
  }
  return newest
}
