import type { FileDigest } from './checksums'
import { BACKUP_MANIFEST_FILE, CHECKSUMS_FILE, DATABASE_FILE, areaOf } from './layout'

export const BACKUP_FORMAT = 'cdm-backup/1'

/** `backup.json`: what a backup holds. It is written last, so a backup without it is unfinished. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT
  /** ISO 8601, when the database snapshot was taken. */
  createdAt: string
  /** The engine of the database snapshot, or null when the backup holds files only. */
  database: 'sqlite' | null
  counts: { mediaFiles: number; dataFiles: number; bytes: number }
  /** What an operator must keep elsewhere, in words (e.g. secrets that come from the environment). */
  notIncluded: string[]
}

export function buildBackupManifest(input: {
  createdAt: string
  files: readonly (FileDigest & { bytes: number })[]
  notIncluded: readonly string[]
}): BackupManifest {
  const count = (area: 'media' | 'data') =>
    input.files.filter((file) => areaOf(file.path)?.area === area).length
  return {
    format: BACKUP_FORMAT,
    createdAt: input.createdAt,
    database: input.files.some((file) => file.path === DATABASE_FILE) ? 'sqlite' : null,
    counts: {
      mediaFiles: count('media'),
      dataFiles: count('data'),
      bytes: input.files.reduce((sum, file) => sum + file.bytes, 0),
    },
    notIncluded: [...input.notIncluded],
  }
}

/** A `backup.json` read back, or the reason it cannot be used. */
export function parseBackupManifest(
  value: unknown,
): { manifest: BackupManifest; problem: null } | { manifest: null; problem: string } {
  const fail = (problem: string) => ({
    manifest: null,
    problem: `${BACKUP_MANIFEST_FILE} ${problem}`,
  })
  if (typeof value !== 'object' || value === null) return fail('is not a JSON object.')
  const v = value as Record<string, unknown>
  if (v.format !== BACKUP_FORMAT)
    return fail(`has format ${JSON.stringify(v.format)}; this studio reads "${BACKUP_FORMAT}".`)
  if (typeof v.createdAt !== 'string' || Number.isNaN(Date.parse(v.createdAt)))
    return fail('has no valid "createdAt" date.')
  if (v.database !== 'sqlite' && v.database !== null)
    return fail('has a "database" that is neither "sqlite" nor null.')
  const counts = v.counts as Record<string, unknown> | undefined
  if (
    !counts ||
    !['mediaFiles', 'dataFiles', 'bytes'].every(
      (key) => Number.isInteger(counts[key]) && (counts[key] as number) >= 0,
    )
  )
    return fail('has no valid "counts".')
  if (!Array.isArray(v.notIncluded) || !v.notIncluded.every((n) => typeof n === 'string'))
    return fail('has no valid "notIncluded" list.')
  return { manifest: value as BackupManifest, problem: null }
}

/**
 * Compares a backup folder with its checksum list and manifest. `found` holds every file in the
 * folder (but the two list files) with the sha256 of its bytes. Returns the problems, each
 * naming the file; none means the backup is intact.
 */
export function checkBackupContents(input: {
  manifest: BackupManifest
  listed: readonly FileDigest[]
  found: readonly FileDigest[]
}): string[] {
  const problems: string[] = []
  const found = new Map(input.found.map((file) => [file.path, file.sha256]))
  for (const { path, sha256 } of input.listed) {
    const actual = found.get(path)
    if (actual === undefined) problems.push(`${path} is listed in ${CHECKSUMS_FILE} but missing.`)
    else if (actual !== sha256)
      problems.push(`${path} does not match its sha256 (expected ${sha256}, found ${actual}).`)
    if (!areaOf(path)) problems.push(`${path} is not part of a studio backup.`)
  }
  const listed = new Set(input.listed.map((file) => file.path))
  for (const { path } of input.found) {
    if (!listed.has(path)) problems.push(`${path} is in the backup but not in ${CHECKSUMS_FILE}.`)
  }
  const hasDatabase = listed.has(DATABASE_FILE)
  if ((input.manifest.database === 'sqlite') !== hasDatabase)
    problems.push(
      input.manifest.database
        ? `${BACKUP_MANIFEST_FILE} says the backup holds a database, but ${CHECKSUMS_FILE} lists no ${DATABASE_FILE}.`
        : `${CHECKSUMS_FILE} lists ${DATABASE_FILE}, but ${BACKUP_MANIFEST_FILE} says the backup holds no database.`,
    )
  const media = input.listed.filter((file) => areaOf(file.path)?.area === 'media').length
  const data = input.listed.filter((file) => areaOf(file.path)?.area === 'data').length
  if (media !== input.manifest.counts.mediaFiles || data !== input.manifest.counts.dataFiles)
    problems.push(
      `${BACKUP_MANIFEST_FILE} counts ${input.manifest.counts.mediaFiles} media and ${input.manifest.counts.dataFiles} data files, but ${CHECKSUMS_FILE} lists ${media} and ${data}.`,
    )
  return problems
}
