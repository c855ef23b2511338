import fsp from 'node:fs/promises'
import path from 'node:path'

import { buildBackupManifest } from '../../domain/backup/backupManifest'
import { formatChecksums, type FileDigest } from '../../domain/backup/checksums'
import {
  BACKUP_MANIFEST_FILE,
  CHECKSUMS_FILE,
  backupPathOf,
  isInProgress,
} from '../../domain/backup/layout'
import {
  copyHashed,
  linkInPlace,
  walkFiles,
  writeFileAtomically,
  type WalkedFile,
} from '../../lib/backup/files'
import { SQLITE_COMPANIONS, type StudioLocations } from '../../lib/backup/locations'
import { hashFile } from '../../lib/backup/files'
import { snapshotSqlite } from '../../lib/backup/sqliteSnapshot'
import { DEV_SECRET_FILE } from '../../lib/config/secret'
import { DEV_KEY_DIR } from '../../lib/signing/keys'
import { BackupError } from './backupError'

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

type Copied = FileDigest & { bytes: number }
type Seen = { source: WalkedFile; copy: Copied }

/**
 * A consistent backup of a running studio. Media are copied first (the long part), then the
 * database is snapshotted in one transaction, then media are walked again and anything new or
 * changed since the first pass is copied: every file the snapshot refers to was on disk when the
 * snapshot was taken, so it is in the backup. Derived and released files are content-addressed
 * and never rewritten; uploads get fresh names, so the second pass is short.
 */
export async function takeBackup(input: {
  dir: string
  includeDatabase: boolean
  locations: StudioLocations
  env?: NodeJS.ProcessEnv
  now?: () => Date
  log?: (line: string) => void
}): Promise<BackupReport> {
  const { locations, includeDatabase } = input
  const now = input.now ?? (() => new Date())
  const log = input.log ?? (() => undefined)
  const dir = path.resolve(input.dir)
  if (includeDatabase && locations.database.engine === 'mongodb')
    throw new BackupError(
      'DATABASE_URI points at MongoDB, which this command does not copy. Back it up with mongodump (see README, "Backup and restore"), and the files with `npm run backup -- <folder> --no-database`.',
    )
  const database = locations.database.engine === 'sqlite' ? locations.database.file : null
  if (includeDatabase && database && !(await exists(database)))
    throw new BackupError(
      `There is no database at ${database}. Check DATABASE_URI, or back up files only with --no-database.`,
    )
  const created = await prepareEmptyFolder(dir)
  try {
    const databaseFiles = new Set(
      database ? [database, ...SQLITE_COMPANIONS.map((s) => database + s)] : [],
    )
    const copies = new Map<string, Seen>()
    const skippedLinks: string[] = []
    const copyMedia = () =>
      copyArea({
        area: 'media',
        root: locations.mediaDir,
        dir,
        copies,
        skippedLinks,
        skip: (rel, abs) => isInProgress(rel) || databaseFiles.has(abs) || abs === dir,
      })
    const firstPass = await copyMedia()
    log(`media: ${firstPass.copied} files copied`)
    for (const item of DATA_ITEMS) {
      const { copied } = await copyArea({
        area: 'data',
        root: path.join(locations.dataDir, item),
        prefix: item,
        dir,
        copies,
        skippedLinks,
        skip: () => false,
      })
      if (copied) log(`data: ${item} (${copied} file${copied === 1 ? '' : 's'})`)
    }
    const createdAt = now().toISOString()
    let databaseCopy: Copied | null = null
    if (includeDatabase && database) {
      const target = path.join(dir, backupPathOf('database'))
      await snapshotSqlite({ source: database, target })
      // The database holds people's names and emails: readable by the backup's owner only.
      await fsp.chmod(target, 0o600)
      databaseCopy = { path: backupPathOf('database'), ...(await hashFile(target)) }
      log(`database: snapshot of ${database} (${databaseCopy.bytes} bytes)`)
    }
    const secondPass = await copyMedia()
    if (secondPass.copied)
      log(`media: ${secondPass.copied} files new or changed since the first pass, copied`)

    const files = [
      ...[...copies.values()].map((seen) => seen.copy),
      ...(databaseCopy ? [databaseCopy] : []),
    ]
    const notIncluded = notIncludedNotes({
      env: input.env ?? process.env,
      includeDatabase,
      locations,
    })
    const manifest = buildBackupManifest({ createdAt, files, notIncluded })
    await writeFileAtomically(path.join(dir, CHECKSUMS_FILE), formatChecksums(files))
    // Last: a backup folder without backup.json is unfinished, and restore says so.
    await writeFileAtomically(
      path.join(dir, BACKUP_MANIFEST_FILE),
      JSON.stringify(manifest, null, 2) + '\n',
    )
    return {
      dir,
      createdAt,
      database: manifest.database,
      mediaFiles: manifest.counts.mediaFiles,
      dataFiles: manifest.counts.dataFiles,
      bytes: manifest.counts.bytes,
      recopied: secondPass.copied,
      skippedLinks,
      notIncluded,
    }
  } catch (error) {
    await removeContents(dir, created)
    throw error
  }
}

/**
 * Copies the files under `root` that are not in the backup yet or changed since they were
 * copied. Hard-linked files are copied once and linked again inside the backup, so the backup is
 * no bigger than what it holds (released assets are hard links of derived media).
 */
async function copyArea(input: {
  area: 'media' | 'data'
  root: string
  prefix?: string
  dir: string
  copies: Map<string, Seen>
  skippedLinks: string[]
  skip: (relativePath: string, absolutePath: string) => boolean
}): Promise<{ copied: number }> {
  const { copies, dir } = input
  const rootStat = await fsp.lstat(input.root).catch(() => null)
  if (!rootStat) return { copied: 0 }
  const walked = rootStat.isFile()
    ? {
        files: [
          {
            relativePath: '',
            absolutePath: input.root,
            bytes: rootStat.size,
            mtimeMs: rootStat.mtimeMs,
            mode: rootStat.mode & 0o777,
            inode: `${rootStat.dev}:${rootStat.ino}`,
          },
        ],
        links: [],
      }
    : await walkFiles(input.root, input.skip)
  const byInode = new Map([...copies.values()].map((seen) => [seen.source.inode, seen]))
  let copied = 0
  for (const file of walked.files) {
    const relative = [input.prefix, file.relativePath].filter(Boolean).join('/')
    const backupPath = backupPathOf(input.area, relative)
    const previous = copies.get(backupPath)
    if (previous && isUnchanged(previous.source, file)) continue
    const target = path.join(dir, backupPath)
    const twin = byInode.get(file.inode)
    let copy: Copied
    if (
      twin &&
      isUnchanged(twin.source, file) &&
      (await linkInPlace(path.join(dir, twin.copy.path), target))
    ) {
      copy = { ...twin.copy, path: backupPath }
    } else {
      const digest = await copyHashed(file.absolutePath, target).catch((error) => {
        // Gone since it was listed (a replaced upload): the snapshot does not refer to it.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      })
      if (!digest) continue
      copy = { path: backupPath, ...digest }
    }
    const seen = { source: file, copy }
    copies.set(backupPath, seen)
    byInode.set(file.inode, seen)
    copied += 1
  }
  input.skippedLinks.push(
    ...walked.links.map((link) =>
      backupPathOf(input.area, [input.prefix, link].filter(Boolean).join('/')),
    ),
  )
  return { copied }
}

const isUnchanged = (a: WalkedFile, b: WalkedFile) =>
  a.inode === b.inode && a.bytes === b.bytes && a.mtimeMs === b.mtimeMs

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

async function exists(file: string): Promise<boolean> {
  return fsp.access(file).then(
    () => true,
    () => false,
  )
}
