import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { IN_PROGRESS_MARK } from '../../domain/backup/layout'

export interface WalkedFile {
  /** POSIX path below the walked folder. */
  relativePath: string
  absolutePath: string
  bytes: number
  mtimeMs: number
  mode: number
  /** Device and inode: hard links share it, and are copied once. */
  inode: string
}

/**
 * Every regular file below `root` (or `root` itself when it is a file; nothing when it does not
 * exist), sorted, skipping paths `skip` rejects. Symbolic links are returned apart and never
 * followed: a backup holds files, not pointers out of its folders.
 */
export async function walkFiles(
  root: string,
  skip: (relativePath: string, absolutePath: string) => boolean = () => false,
): Promise<{ files: WalkedFile[]; links: string[] }> {
  const files: WalkedFile[] = []
  const links: string[] = []
  const visit = async (dir: string, prefix: string): Promise<void> => {
    const entries = await fsp.readdir(dir, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name
      const absolutePath = path.join(dir, entry.name)
      if (skip(relativePath, absolutePath)) continue
      if (entry.isSymbolicLink()) links.push(relativePath)
      else if (entry.isDirectory()) await visit(absolutePath, relativePath)
      else if (entry.isFile()) {
        // The file may go between listing and stat (a replaced upload): then it is not there.
        const stat = await fsp.lstat(absolutePath).catch(() => null)
        if (stat?.isFile())
          files.push({
            relativePath,
            absolutePath,
            bytes: stat.size,
            mtimeMs: stat.mtimeMs,
            mode: stat.mode & 0o777,
            inode: `${stat.dev}:${stat.ino}`,
          })
      }
    }
  }
  const rootStat = await fsp.lstat(root).catch(() => null)
  if (rootStat?.isFile()) {
    // A single file (e.g. the dev secret): itself, under the empty relative path.
    files.push({
      relativePath: '',
      absolutePath: root,
      bytes: rootStat.size,
      mtimeMs: rootStat.mtimeMs,
      mode: rootStat.mode & 0o777,
      inode: `${rootStat.dev}:${rootStat.ino}`,
    })
  } else if (rootStat?.isDirectory()) await visit(root, '')
  return { files, links }
}

export interface Digest {
  sha256: string
  bytes: number
}

export async function hashFile(file: string): Promise<Digest> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** A name beside `target` that no final file has, and that backups skip. */
const temporaryNameFor = (target: string) =>
  `${target}${IN_PROGRESS_MARK}copy-${randomBytes(4).toString('hex')}`

/**
 * Copies `source` to `target` through sha256: written under a temporary name, flushed to disk,
 * then renamed over `target`, so a crash or a full disk never leaves a half-written file under
 * the final name. Keeps the mode and modification time. With `expectSha256`, a copy whose bytes
 * differ is thrown away and nothing is renamed.
 */
export async function copyHashed(
  source: string,
  target: string,
  options: { mode?: number; mtimeMs?: number; expectSha256?: string } = {},
): Promise<Digest> {
  await fsp.mkdir(path.dirname(target), { recursive: true })
  const tmp = temporaryNameFor(target)
  const hash = createHash('sha256')
  let bytes = 0
  const through = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      bytes += chunk.length
      done(null, chunk)
    },
  })
  try {
    const stat = await fsp.stat(source)
    await pipeline(fs.createReadStream(source), through, fs.createWriteStream(tmp, { flags: 'wx' }))
    const sha256 = hash.digest('hex')
    if (options.expectSha256 && options.expectSha256 !== sha256)
      throw new Error(
        `${source} changed while it was copied (sha256 ${sha256}, expected ${options.expectSha256}).`,
      )
    await fsp.chmod(tmp, options.mode ?? stat.mode & 0o777)
    const mtime = new Date(options.mtimeMs ?? stat.mtimeMs)
    await fsp.utimes(tmp, mtime, mtime)
    await flush(tmp)
    await fsp.rename(tmp, target)
    return { sha256, bytes }
  } finally {
    await fsp.rm(tmp, { force: true })
  }
}

/**
 * Gives `target` the same inode as `existing` (a hard link), replacing whatever is at `target`;
 * false when the two are on different file systems or links are not supported.
 */
export async function linkInPlace(existing: string, target: string): Promise<boolean> {
  await fsp.mkdir(path.dirname(target), { recursive: true })
  const tmp = temporaryNameFor(target)
  try {
    await fsp.link(existing, tmp)
    await fsp.rename(tmp, target)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP' || code === 'EMLINK')
      return false
    throw error
  } finally {
    await fsp.rm(tmp, { force: true })
  }
}

async function flush(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Writes a small file in full under a temporary name, flushed, then renamed into place. */
export async function writeFileAtomically(
  target: string,
  text: string,
  mode = 0o600,
): Promise<void> {
  const tmp = temporaryNameFor(target)
  try {
    await fsp.writeFile(tmp, text, { mode, flag: 'wx' })
    await flush(tmp)
    await fsp.rename(tmp, target)
  } finally {
    await fsp.rm(tmp, { force: true })
  }
}
