import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { derivedUrlPath } from '../../domain/media/derivedUrls'
import { mediaDir } from '../config/paths'
import { createCache } from '../cache'

const COMPLETE = '.complete'
/** Marks a build still being written; never the name of a finished result. */
const TMP_MARK = '.tmp-'
/** This process's builds in progress: a stopping worker removes them before it exits. */
const unfinished = new Set<string>()
export const KEY_PATTERN = /^[0-9a-f]{64}$/

export const derivedRoot = (): string => mediaDir('derived')

export const derivedDir = (key: string): string => path.join(derivedRoot(), key.slice(0, 2), key)

/** Web path of a derived file, served by the media endpoint with access control and Range. */
export const derivedUrl = derivedUrlPath

export function isDerivedComplete(key: string): boolean {
  return fs.existsSync(path.join(derivedDir(key), COMPLETE))
}

/**
 * Builds the files for a content key once. The build writes into a private temporary folder
 * that is renamed into place only when complete, so a crash never leaves a half-written result
 * under the key. A concurrent build of the same key that finishes second throws its copy away:
 * the first result may already be in use (another job reading it, a release copying it).
 */
export async function buildDerived<T>(
  key: string,
  build: (dir: string) => Promise<T>,
): Promise<{ dir: string; cached: boolean; result: T | null }> {
  const dir = derivedDir(key)
  if (isDerivedComplete(key)) return { dir, cached: true, result: await readResult<T>(dir) }
  await fsp.mkdir(path.dirname(dir), { recursive: true })
  const tmp = path.join(
    derivedRoot(),
    `${TMP_MARK}${key.slice(0, 12)}-${randomBytes(4).toString('hex')}`,
  )
  await fsp.mkdir(tmp, { recursive: true })
  unfinished.add(tmp)
  try {
    const result = await build(tmp)
    await fsp.writeFile(path.join(tmp, 'result.json'), JSON.stringify(result ?? null))
    await fsp.writeFile(path.join(tmp, COMPLETE), '')
    if (!(await moveIntoPlace(tmp, key))) {
      return { dir, cached: true, result: await readResult<T>(dir) }
    }
    return { dir, cached: false, result }
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true })
    unfinished.delete(tmp)
  }
}

/**
 * Removes the builds this process has not finished, at once: called by a worker that stops
 * (its jobs go back to the queue) just before it exits.
 */
export function removeUnfinishedBuilds(): number {
  const dirs = [...unfinished]
  unfinished.clear()
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  return dirs.length
}

/**
 * Removes the half-written builds of processes that died: temporary folders in which nothing
 * has changed for `olderThanMs`. A live build's encoder writes its output continuously, and
 * every step adds files, so a folder that has gone quiet for a stale period has no writer.
 */
export async function removeAbandonedBuilds(olderThanMs: number): Promise<number> {
  const cutoff = Date.now() - olderThanMs
  let removed = 0
  for (const name of await fsp.readdir(derivedRoot()).catch(() => [] as string[])) {
    const dir = path.join(derivedRoot(), name)
    if (!name.startsWith(TMP_MARK) || unfinished.has(dir)) continue
    const lastChange = await newestChange(dir)
    if (lastChange !== null && lastChange < cutoff) {
      await fsp.rm(dir, { recursive: true, force: true })
      removed += 1
    }
  }
  return removed
}

/** The latest modification time of a folder or anything in it; null once it is gone. */
async function newestChange(target: string): Promise<number | null> {
  const stat = await fsp.stat(target).catch(() => null)
  if (!stat) return null
  let newest = stat.mtimeMs
  if (stat.isDirectory()) {
    for (const name of await fsp.readdir(target).catch(() => [] as string[])) {
      const inner = await newestChange(path.join(target, name))
      if (inner !== null) newest = Math.max(newest, inner)
    }
  }
  return newest
}

/** Renames a finished build to its key; false when another build of the key got there first. */
async function moveIntoPlace(tmp: string, key: string): Promise<boolean> {
  const dir = derivedDir(key)
  for (let attempt = 0; attempt < 2; attempt++) {
    if (isDerivedComplete(key)) return false
    try {
      await fsp.rename(tmp, dir)
      return true
    } catch (error) {
      if (isDerivedComplete(key)) return false
      // Only a folder without the completion marker (left by an older version) is replaced.
      if (attempt === 0) await fsp.rm(dir, { recursive: true, force: true })
      else throw error
    }
  }
  return false
}

async function readResult<T>(dir: string): Promise<T | null> {
  try {
    return JSON.parse(await fsp.readFile(path.join(dir, 'result.json'), 'utf8')) as T
  } catch {
    return null
  }
}

// A file's hash never goes stale for the identity it is kept under (see sha256File).
const hashes = createCache<string>({ name: 'file-hashes', ttlMs: null, maxEntries: 10_000 })

/**
 * Streams a file through sha256 (uploads can be a gigabyte), remembering the result for the
 * same device, inode, size and modification time: media jobs, preflight and release builds hash
 * the same files again and again, and a replaced file always differs in one of those. Not by
 * path: HLS packages hard-link shared segments, so one inode appears under many paths.
 */
export async function sha256File(file: string): Promise<string> {
  const stat = await fsp.stat(file)
  const identity = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`
  const known = hashes.get(identity)
  if (known) return known
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  const digest = hash.digest('hex')
  hashes.set(identity, digest)
  return digest
}

/** Scratch space for one piece of work, always removed afterwards. */
export async function withTempDir<T>(
  prefix: string,
  work: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `cdm-${prefix}-`))
  try {
    return await work(dir)
  } finally {
    await fsp.rm(dir, { recursive: true, force: true })
  }
}
