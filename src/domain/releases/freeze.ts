import { createHash } from 'node:crypto'

import type { FrozenDocument } from './changelog'
import type { Clip, Exercise, Module } from './model'
import { canonicalJson } from '../manifest/canonicalJson'

/**
 * What a release records of each document it used. Scripts have versions, so their published
 * version id is kept. Modules, exercises and clips are not versioned: for them the record is a
 * hash of exactly what the release took from them (a clip's hash covers its files' hashes), so
 * the changelog says "changed" only when released content changed, and an audit can check a
 * document against the release.
 */
export function freezeDocuments(input: {
  modules: Module[]
  exercises: Exercise[]
  clips: Clip[]
  scripts: { id: string; title: string; publishedVersionId: string | null }[]
}): FrozenDocument[] {
  const hashed = (collection: string, doc: { id: string; title: string }) => ({
    collection,
    id: doc.id,
    title: doc.title,
    versionId: `sha256:${createHash('sha256').update(canonicalJson(doc)).digest('hex')}`,
  })
  return [
    ...input.modules.map((m) => hashed('modules', m)),
    ...input.exercises.map((e) => hashed('exercises', e)),
    ...input.clips.map((c) => hashed('clips', c)),
    ...input.scripts.map((s) => ({
      collection: 'scripts',
      id: s.id,
      title: s.title,
      versionId: s.publishedVersionId ?? 'unpublished',
    })),
  ]
}
