import fsp from 'node:fs/promises'
import path from 'node:path'

import { backupCopier, type CopiedFile } from './backupCopier'
import { BackupError } from './backupError'
import { buildBackupManifest, type BackupManifest } from '../../domain/backup/backupManifest'
import { formatChecksums } from '../../domain/backup/checksums'
import {
  BACKUP_MANIFEST_FILE,
  CHECKSUMS_FILE,
  backupPathOf,
  isInProgress,
} from '../../domain/backup/layout'
import { hashFile, writeFileAtomically } from '../../lib/backup/files'
import { SQLITE_COMPANIONS, type StudioLocations } from '../../lib/backup/locations'
import { snapshotSqlite } from '../../lib/backup/sqliteSnapshot'
import { DEV_SECRET_FILE } from '../../lib/config/secret'
import { DEV_KEY_DIR } from '../../lib/signing/keys'

/** The parts of DATA_DIR a studio needs to run again: the dev secret and the dev signing keys. */
export const DATA_ITEMS = [DEV_SECRET_FILE, DEV_KEY_DIR] as const

export interface BackupReport {
  dir: string
  createdAt: string
  database: 'sqlite' | null
  mediaFiles: number
  dataFiles: number
  bytes: number
  /** Media files copied again after the snapshot because they appeared or changed meanwhile. */
  recopied: number
  /** Symbolic links found and not followed. */
  skippedLinks: string[]
  notIncluded: string[]
}

/**
 * A consistent backup of a running studio. Media are copied first (the long part), then the
 * database is snapshotted in one transaction, then media are walked again and anything new or
 * changed since the first pass is copied: every file the snapshot refers to was on disk when the
 * snapshot was taken, so it is in the backup. Derived and released files are content-addressed
 * and never rewritten, and uploads get fresh names, so the second pass is short.
 */
export async function takeBackup(input: {
  dir: string
  includeDatabase: boolean
  locations: StudioLocations
  env?: NodeJS.ProcessEnv
  now?: () => Date
  log?: (line: string) => void
}): Promise<BackupReport> {
  const { locations } = input
  const log = input.log ?? (() => undefined)
  const dir = path.resolve(input.dir)
  const database = await databaseToCopy(input)
  const created = await prepareEmptyFolder(dir)
  try {
    const copier = backupCopier(dir)
    const skipped = new Set([dir, ...(database ? SQLITE_COMPANIONS.map((s) => database + s) : [])])
    if (database) skipped.add(database)
    const copyMedia = () =>
      copier.copyTree({
        area: 'media',
        root: locations.mediaDir,
        skip: (relative, absolute) => isInProgress(relative) || skipped.has(absolute),
      })
    log(`media: ${await copyMedia()} files copied`)
    for (const item of DATA_ITEMS) {
      const root = path.join(locations.dataDir, item)
      const copied = await copier.copyTree({ area: 'data', root, prefix: item })
      if (copied) log(`data: ${item} (${copied} file${copied === 1 ? '' : 's'})`)
    }
    const createdAt = (input.now ?? (() => new Date()))().toISOString()
    const snapshot = database ? await snapshotInto(dir, database) : null
    if (snapshot) log(`database: snapshot of ${database} (${snapshot.bytes} bytes)`)
    const recopied = await copyMedia()
    if (recopied) log(`media: ${recopied} files new or changed since the first pass, copied`)
    const notIncluded = notIncludedNotes({ ...input, env: input.env ?? process.env })
    const files = [...copier.files(), ...(snapshot ? [snapshot] : [])]
    const manifest = await writeLists(
      dir,
      buildBackupManifest({ createdAt, files, notIncluded }),
      files,
    )
    return {
      dir,
      createdAt,
      database: manifest.database,
      mediaFiles: manifest.counts.mediaFiles,
      dataFiles: manifest.counts.dataFiles,
      bytes: manifest.counts.bytes,
      recopied,
      skippedLinks: copier.links(),
      notIncluded,
    }
  } catch (error) {
    await removeContents(dir, created)
    throw error
  }
}

/** The SQLite file to snapshot, or null for a files-only backup; refuses what cannot work. */
async function databaseToCopy(input: {
  includeDatabase: boolean
  locations: StudioLocations
}): Promise<string | null> {
  const { database } = input.locations
  if (!input.includeDatabase) return null
  if (database.engine === 'mongodb')
    throw new BackupError(
      'DATABASE_URI points at MongoDB, which this command does not copy. Back it up with mongodump (see README, "Backup and restore"), and the files with `npm run backup -- <folder> --no-database`.',
    )
  if (!(await fsp.stat(database.file).catch(() => null)))
    throw new BackupError(
      `There is no database at ${database.file}. Check DATABASE_URI, or back up files only with --no-database.`,
    )
  return database.file
}

async function snapshotInto(dir: string, database: string): Promise<CopiedFile> {
  const target = path.join(dir, backupPathOf('database'))
  await snapshotSqlite({ source: database, target })
  // The database holds people's names and emails: readable by the backup's owner only.
  await fsp.chmod(target, 0o600)
  return { path: backupPathOf('database'), ...(await hashFile(target)) }
}

/** The checksum list, then backup.json: a folder without it is unfinished, and restore says so. */
async function writeLists(
  dir: string,
  manifest: BackupManifest,
  files: CopiedFile[],
): Promise<BackupManifest> {
  await writeFileAtomically(path.join(dir, CHECKSUMS_FILE), formatChecksums(files))
  await writeFileAtomically(
    path.join(dir, BACKUP_MANIFEST_FILE),
    JSON.stringify(manifest, null, 2) + '\n',
  )
  return manifest
}

/** The backup folder must be new or empty; it is made private (it holds secrets and personal data). */
async function prepareEmptyFolder(dir: string): Promise<boolean> {
  const entries = await fsp.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    if (error.code === 'ENOTDIR') throw new BackupError(`${dir} is a file, not a folder.`)
    throw error
  })
  if (entries && entries.length > 0)
    throw new BackupError(
      `${dir} is not empty (${entries.length} entries). Back up into a new or empty folder.`,
    )
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 })
  await fsp.chmod(dir, 0o700)
  return entries === null
}

async function removeContents(dir: string, created: boolean): Promise<void> {
  if (created) {
    await fsp.rm(dir, { recursive: true, force: true })
    return
  }
  for (const name of await fsp.readdir(dir).catch(() => [] as string[]))
    await fsp.rm(path.join(dir, name), { recursive: true, force: true })
}

function notIncludedNotes(input: {
  env: NodeJS.ProcessEnv
  includeDatabase: boolean
  locations: StudioLocations
}): string[] {
  const notes: string[] = []
  if (!input.includeDatabase)
    notes.push(
      input.locations.database.engine === 'mongodb'
        ? 'The MongoDB database: back it up with mongodump (see README).'
        : 'The database (--no-database was given).',
    )
  for (const name of ['PAYLOAD_SECRET', 'CDM_SIGNING_KEY', 'CDM_SIGNING_PUBLIC_KEYS']) {
    if (input.env[name]?.trim())
      notes.push(
        `${name}: set in the environment, so it is not in the backup; keep it in your secret store.`,
      )
  }
  notes.push('Files still being written (names with ".tmp-"): their finished copies are included.')
  return notes
}
