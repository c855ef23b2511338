import fsp from 'node:fs/promises'
import path from 'node:path'

import { BackupError } from './backupError'
import { readVerifiedBackup, type VerifiedBackup } from './readBackup'
import { areaOf, DATABASE_FILE, isInProgress } from '../../domain/backup/layout'
import { restoreRefusal } from '../../domain/backup/restoreRules'
import { copyHashed, linkInPlace, walkFiles } from '../../lib/backup/files'
import { SQLITE_COMPANIONS, type StudioLocations } from '../../lib/backup/locations'
import { checkSqliteIntegrity } from '../../lib/backup/sqliteSnapshot'

export interface RestoreReport {
  createdAt: string
  database: string | null
  /** Where the database that was replaced (with --force) now is. */
  previousDatabase: string | null
  mediaFiles: number
  dataFiles: number
  notes: string[]
}

/**
 * Restores a verified backup into the configured locations: media and data first, the
 * database last, so a restore that stops half-way leaves no database that points at missing
 * files. Every file is written under a temporary name, checked against its sha256 and renamed.
 * Stop the studio and its workers first.
 */
export async function restoreBackup(input: {
  dir: string
  force: boolean
  locations: StudioLocations
  now?: () => Date
  log?: (line: string) => void
}): Promise<RestoreReport> {
  const { locations, force } = input
  const log = input.log ?? (() => undefined)
  const backup = await readVerifiedBackup({ dir: input.dir, log })
  const database = locations.database.engine === 'sqlite' ? locations.database.file : undefined
  const refusal = restoreRefusal({
    backupDatabase: backup.manifest.database,
    force,
    target: {
      engine: locations.database.engine,
      databaseFile: database,
      databaseBytes: database ? await sizeOf(database) : null,
      mediaDir: locations.mediaDir,
      mediaFiles: await countFiles(locations.mediaDir),
    },
  })
  if (refusal) throw new BackupError(refusal)

  const counts = await restoreFiles(backup, locations)
  log(`media: ${counts.media} files; data: ${counts.data} files`)
  let previousDatabase: string | null = null
  if (backup.manifest.database && database) {
    previousDatabase = await restoreDatabase(backup, database, (input.now ?? (() => new Date()))())
    log(
      `database: ${database}${previousDatabase ? ` (the one it replaced is now ${previousDatabase})` : ''}`,
    )
  }
  const notes = [...backup.manifest.notIncluded]
  if (!backup.manifest.database)
    notes.unshift(
      'This backup holds no database: restore it separately (for MongoDB, with mongorestore).',
    )
  return {
    createdAt: backup.manifest.createdAt,
    database: backup.manifest.database && database ? database : null,
    previousDatabase,
    mediaFiles: counts.media,
    dataFiles: counts.data,
    notes,
  }
}

async function restoreFiles(backup: VerifiedBackup, locations: StudioLocations) {
  const counts = { media: 0, data: 0 }
  const placed = new Map<string, string>()
  for (const file of backup.files) {
    const where = areaOf(file.path)
    if (!where || where.area === 'database') continue
    const root = where.area === 'media' ? locations.mediaDir : locations.dataDir
    const target = path.join(root, ...where.relativePath.split('/'))
    if (where.area === 'data')
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
    // Files that were one inode in the studio (and so in the backup) become one inode again.
    const twin = placed.get(file.inode)
    if (!(twin && (await linkInPlace(twin, target)))) {
      await copyHashed(path.join(backup.dir, file.path), target, {
        mode: file.mode,
        mtimeMs: file.mtimeMs,
        expectSha256: file.sha256,
      })
      placed.set(file.inode, target)
    }
    counts[where.area] += 1
  }
  return counts
}

/**
 * Puts the snapshot in place of the configured database. A database already there (with
 * --force) is moved aside with its WAL and shared-memory files: a stale WAL left beside the
 * restored file would be replayed into it.
 */
async function restoreDatabase(
  backup: VerifiedBackup,
  database: string,
  now: Date,
): Promise<string | null> {
  const snapshot = backup.files.find((file) => file.path === DATABASE_FILE)!
  await fsp.mkdir(path.dirname(database), { recursive: true })
  const incoming = `${database}.tmp-restore`
  await copyHashed(path.join(backup.dir, DATABASE_FILE), incoming, {
    expectSha256: snapshot.sha256,
  })
  try {
    await checkSqliteIntegrity(incoming)
    const aside = `${database}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    let movedAside = false
    for (const suffix of ['', ...SQLITE_COMPANIONS]) {
      if ((await sizeOf(database + suffix)) === null) continue
      await fsp.rename(database + suffix, aside + suffix)
      movedAside = true
    }
    await fsp.rename(incoming, database)
    return movedAside ? aside : null
  } finally {
    await fsp.rm(incoming, { force: true })
  }
}

async function sizeOf(file: string): Promise<number | null> {
  const stat = await fsp.stat(file).catch(() => null)
  return stat ? stat.size : null
}

/** Files in the media folder, but the repository's placeholder and half-written leftovers. */
async function countFiles(dir: string): Promise<number> {
  const { files } = await walkFiles(
    dir,
    (relative) => relative === '.gitkeep' || isInProgress(relative),
  )
  return files.length
}
