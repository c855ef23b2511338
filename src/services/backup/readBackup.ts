import fsp from 'node:fs/promises'
import path from 'node:path'

import { BackupError } from './backupError'
import {
  checkBackupContents,
  parseBackupManifest,
  type BackupManifest,
} from '../../domain/backup/backupManifest'
import { parseChecksums, type FileDigest } from '../../domain/backup/checksums'
import { BACKUP_MANIFEST_FILE, CHECKSUMS_FILE } from '../../domain/backup/layout'
import { hashFile, walkFiles } from '../../lib/backup/files'

export interface VerifiedBackup {
  dir: string
  manifest: BackupManifest
  /** Every file with the sha256 it was checked against, and its inode inside the backup. */
  files: (FileDigest & { bytes: number; inode: string; mode: number; mtimeMs: number })[]
}

/**
 * Reads a backup folder and checks every byte against its checksum list before anything is
 * restored: a damaged or incomplete backup is refused as a whole, never half-applied.
 */
export async function readVerifiedBackup(input: {
  dir: string
  log?: (line: string) => void
}): Promise<VerifiedBackup> {
  const dir = path.resolve(input.dir)
  const manifestText = await fsp
    .readFile(path.join(dir, BACKUP_MANIFEST_FILE), 'utf8')
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        throw new BackupError(
          `${dir} has no ${BACKUP_MANIFEST_FILE}: it is not a studio backup, or the backup did not finish.`,
        )
      throw error
    })
  let json: unknown
  try {
    json = JSON.parse(manifestText)
  } catch {
    throw new BackupError(`${path.join(dir, BACKUP_MANIFEST_FILE)} is not valid JSON.`)
  }
  const { manifest, problem } = parseBackupManifest(json)
  if (!manifest) throw new BackupError(`${dir}: ${problem}`)
  const sums = await fsp.readFile(path.join(dir, CHECKSUMS_FILE), 'utf8').catch(() => {
    throw new BackupError(`${dir} has no readable ${CHECKSUMS_FILE}.`)
  })
  const listed = parseChecksums(sums)
  if (listed.errors.length)
    throw new BackupError(
      `${CHECKSUMS_FILE} in ${dir} cannot be used: ${listed.errors
        .slice(0, 5)
        .map((e) => `line ${e.line}: ${e.message}`)
        .join('; ')}`,
    )

  const walked = await walkFiles(
    dir,
    (relative) => relative === BACKUP_MANIFEST_FILE || relative === CHECKSUMS_FILE,
  )
  if (walked.links.length)
    throw new BackupError(
      `${dir} holds symbolic links (${walked.links.slice(0, 3).join(', ')}); a backup holds files only.`,
    )
  const hashes = new Map<string, string>()
  const found: FileDigest[] = []
  for (const file of walked.files) {
    let sha256 = hashes.get(file.inode)
    if (!sha256) {
      sha256 = (await hashFile(file.absolutePath)).sha256
      hashes.set(file.inode, sha256)
    }
    found.push({ path: file.relativePath, sha256 })
  }
  const problems = checkBackupContents({ manifest, listed: listed.entries, found })
  if (problems.length)
    throw new BackupError(
      `The backup in ${dir} is damaged; nothing was restored.\n- ${problems.slice(0, 20).join('\n- ')}${problems.length > 20 ? `\n- … and ${problems.length - 20} more` : ''}`,
    )
  input.log?.(`verified: ${walked.files.length} files match ${CHECKSUMS_FILE}`)
  const byPath = new Map(walked.files.map((file) => [file.relativePath, file]))
  return {
    dir,
    manifest,
    files: listed.entries.map((entry) => {
      const file = byPath.get(entry.path)!
      return {
        ...entry,
        bytes: file.bytes,
        inode: file.inode,
        mode: file.mode,
        mtimeMs: file.mtimeMs,
      }
    }),
  }
}
