import type { FrozenRelease } from '../../payload-types'
import type { IdText } from '../refs'

/**
 * What a release records of the documents it used (`releases.freeze`), enough to tell later
 * whether one changed. Its contract is releaseRecordSchemas.ts, from which payload-types.ts has
 * the type.
 */
export type { FrozenRelease }
export type FrozenDocument = FrozenRelease['documents'][number]

export type ChangeKind =
  | 'exercise-added'
  | 'exercise-removed'
  | 'exercise-changed'
  | 'clip-added'
  | 'clip-removed'
  | 'clip-changed'
  | 'script-changed'

export interface ChangelogEntry {
  kind: ChangeKind
  id: IdText
  title: string
  message: string
}

// Only what a practitioner would notice; modules, audiences and the like are release settings.
const TRACKED = [
  { collection: 'exercises', noun: 'exercise' },
  { collection: 'clips', noun: 'clip' },
  { collection: 'scripts', noun: 'script' },
] as const

type Change = 'added' | 'changed' | 'removed'
const CHANGE_ORDER: Change[] = ['added', 'changed', 'removed']

/**
 * What changed between two releases of a toolkit, for the editable changelog. A first release
 * (no previous) lists everything as added. Entries are grouped exercises, clips, scripts; then
 * added, changed, removed; then by title. Scripts have the single kind `script-changed` for
 * all three (the message says which): a script reaches readers only through its clip, so one
 * kind is enough to flag "check the wording" without a category per change.
 */
export function diffReleases(
  previous: FrozenRelease | null,
  next: FrozenRelease,
): ChangelogEntry[] {
  const entries: ChangelogEntry[] = []
  for (const { collection, noun } of TRACKED) {
    const before = byId(previous?.documents ?? [], collection)
    const after = byId(next.documents, collection)
    const found: { change: Change; entry: ChangelogEntry }[] = []
    for (const [id, doc] of after) {
      const old = before.get(id)
      if (!old) {
        found.push({
          change: 'added',
          entry: entry(noun, 'added', doc, `New ${noun} "${doc.title}".`),
        })
      } else if (old.versionId !== doc.versionId) {
        const renamed = old.title !== doc.title ? ` (was "${old.title}")` : ''
        found.push({
          change: 'changed',
          entry: entry(noun, 'changed', doc, `Updated ${noun} "${doc.title}"${renamed}.`),
        })
      }
    }
    for (const [id, doc] of before) {
      if (!after.has(id)) {
        found.push({
          change: 'removed',
          entry: entry(noun, 'removed', doc, `Removed ${noun} "${doc.title}".`),
        })
      }
    }
    found.sort(
      (a, b) =>
        CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) ||
        a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' }) ||
        (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    )
    entries.push(...found.map((f) => f.entry))
  }
  return entries
}

/** The changelog as lines for the release notes and the manifest. */
export function formatChangelog(entries: ChangelogEntry[]): string[] {
  if (entries.length === 0) return ['No changes to exercises, clips or scripts.']
  return entries.map((e) => e.message)
}

function entry(
  noun: (typeof TRACKED)[number]['noun'],
  change: Change,
  doc: FrozenDocument,
  message: string,
): ChangelogEntry {
  const kind: ChangeKind = noun === 'script' ? 'script-changed' : `${noun}-${change}`
  return { kind, id: doc.id, title: doc.title, message }
}

function byId(documents: FrozenDocument[], collection: string): Map<IdText, FrozenDocument> {
  return new Map(documents.filter((d) => d.collection === collection).map((d) => [d.id, d]))
}
