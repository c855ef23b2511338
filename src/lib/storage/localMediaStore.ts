import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

import { type StorageState, storageStateOf } from './diskSpace'
import type { ByteRange, MediaStore, StagedFolder, StoredObject } from './mediaStore'
import { IMMUTABLE_AREAS, isSafeKey, type MediaKey } from '../../domain/storage/mediaKeys'

/** Marks what is still being written, in staged folders and half-put files; never a final name. */
const TMP_MARK = '.tmp-'

/**
 * The media store on one machine's disk, under `root()` (read on every call: tests and tools
 * move MEDIA_DIR). Staged folders sit inside their area, on the same file system as their
 * target, so putting one is a rename: a crash leaves the folder staged, never half in place.
 */
export function localMediaStore(root: () => string): MediaStore {
  return new LocalMediaStore(root)
}

class LocalMediaStore implements MediaStore {
  /** This process's staged folders, which no sweep may take while it writes them. */
  private readonly live = new Set<string>()

  constructor(private readonly root: () => string) {}

  private pathOf(key: MediaKey): string {
    if (!isSafeKey(key))
      throw Object.assign(new Error(`Unsafe media key "${key}".`), { code: 'EINVAL' })
    return path.join(this.root(), ...key.split('/'))
  }

  async stat(key: MediaKey): Promise<StoredObject | null> {
    const found = await fsp.stat(this.pathOf(key)).catch(() => null)
    if (!found?.isFile()) return null
    return {
      bytes: found.size,
      version: `${found.dev}:${found.ino}:${found.size}:${found.mtimeMs}`,
    }
  }

  async read(key: MediaKey, range?: ByteRange): Promise<Buffer> {
    if (!range) return fsp.readFile(this.pathOf(key))
    const handle = await fsp.open(this.pathOf(key), 'r')
    try {
      const length = Math.max(0, range.end - range.start + 1)
      const { buffer, bytesRead } = await handle.read({
        buffer: Buffer.alloc(length),
        position: range.start,
      })
      return buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  }

  async stream(
    key: MediaKey,
    options: { range?: ByteRange; chunkBytes?: number } = {},
  ): Promise<Readable> {
    const handle = await fsp.open(this.pathOf(key), 'r')
    // The stream takes the open file over and closes it when it ends or is destroyed.
    return handle.createReadStream({
      start: options.range?.start,
      end: options.range?.end,
      highWaterMark: options.chunkBytes,
      autoClose: true,
    })
  }

  async put(key: MediaKey, source: { bytes: Uint8Array } | { file: string }): Promise<void> {
    await writeBeside(this.pathOf(key), (tmp) =>
      'bytes' in source ? fsp.writeFile(tmp, source.bytes) : fsp.copyFile(source.file, tmp),
    )
  }

  async copy(from: MediaKey, to: MediaKey): Promise<void> {
    const target = this.pathOf(to)
    if (await exists(target)) return
    const source = this.pathOf(from)
    const shareable = IMMUTABLE_AREAS.includes(from.split('/')[0])
    await writeBeside(target, (tmp) =>
      shareable
        ? fsp.link(source, tmp).catch(() => fsp.copyFile(source, tmp))
        : fsp.copyFile(source, tmp),
    )
  }

  async list(prefix: MediaKey): Promise<string[]> {
    const names = await fsp.readdir(this.pathOf(prefix)).catch(() => [] as string[])
    return names.filter((name) => !name.includes(TMP_MARK))
  }

  async delete(key: MediaKey): Promise<void> {
    await fsp.rm(this.pathOf(key), { recursive: true, force: true })
  }

  withLocalFile<T>(key: MediaKey, work: (file: string) => Promise<T>): Promise<T> {
    return work(this.pathOf(key))
  }

  async stage(area: string, label: string): Promise<StagedFolder> {
    const name = `${TMP_MARK}${label}-${randomBytes(4).toString('hex')}`
    const dir = path.join(this.pathOf(area), name)
    await fsp.mkdir(dir, { recursive: true })
    this.live.add(dir)
    return {
      dir,
      discard: async () => {
        await fsp.rm(dir, { recursive: true, force: true })
        this.live.delete(dir)
      },
    }
  }

  async putFolder(
    staged: StagedFolder,
    prefix: MediaKey,
    options: { replace: boolean },
  ): Promise<'put' | 'exists'> {
    const target = this.pathOf(prefix)
    await fsp.mkdir(path.dirname(target), { recursive: true })
    if (options.replace) await fsp.rm(target, { recursive: true, force: true })
    try {
      await fsp.rename(staged.dir, target)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (!options.replace && (code === 'ENOTEMPTY' || code === 'EEXIST')) return 'exists'
      throw error
    }
    this.live.delete(staged.dir)
    return 'put'
  }

  async removeLeftovers(
    area: string,
    options: { label?: string; quietForMs: number },
  ): Promise<number> {
    const cutoff = Date.now() - options.quietForMs
    const matches = (name: string) =>
      options.label === undefined
        ? name.includes(TMP_MARK)
        : name.startsWith(`${TMP_MARK}${options.label}-`)
    let removed = 0
    for (const candidate of await leftoverCandidates(this.pathOf(area))) {
      if (!matches(path.basename(candidate)) || this.live.has(candidate)) continue
      const lastChange = await newestChange(candidate)
      // With no quiet time asked for, age does not matter: a folder made in the same
      // millisecond has an mtime (to the microsecond) after Date.now() (to the millisecond).
      const quiet = options.quietForMs <= 0 || (lastChange !== null && lastChange <= cutoff)
      if (lastChange !== null && quiet) {
        await fsp.rm(candidate, { recursive: true, force: true })
        removed += 1
      }
    }
    return removed
  }

  discardOwnStaging(): number {
    const dirs = [...this.live]
    this.live.clear()
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
    return dirs.length
  }

  storageState(area: string): Promise<StorageState> {
    return storageStateOf(this.pathOf(area))
  }
}

const exists = (file: string) =>
  fsp.access(file).then(
    () => true,
    () => false,
  )

/** Writes next to the target under a temporary name, then renames: readers never see half. */
async function writeBeside(target: string, write: (tmp: string) => Promise<void>) {
  await fsp.mkdir(path.dirname(target), { recursive: true })
  const tmp = `${target}${TMP_MARK}${randomBytes(4).toString('hex')}`
  try {
    await write(tmp)
    await fsp.rename(tmp, target)
  } catch (error) {
    await fsp.rm(tmp, { force: true })
    throw error
  }
}

/**
 * Staged folders sit directly in an area; half-put files beside their target, one folder down
 * (assets/<2 hex>/<sha>.tmp-…). Only names with the temporary mark are returned.
 */
async function leftoverCandidates(areaDir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await fsp.readdir(areaDir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(areaDir, entry.name)
    if (entry.name.includes(TMP_MARK)) found.push(full)
    else if (entry.isDirectory() && entry.name.length === 2) {
      for (const inner of await fsp.readdir(full).catch(() => [] as string[]))
        if (inner.includes(TMP_MARK)) found.push(path.join(full, inner))
    }
  }
  return found
}

/**
 * The latest modification time of a file or folder or anything in it; null once it is gone. A
 * live writer (an encoder, a copy) changes its files continuously, so a quiet one has none.
 */
async function newestChange(target: string): Promise<number | null> {
  const found = await fsp.stat(target).catch(() => null)
  if (!found) return null
  let newest = found.mtimeMs
  if (found.isDirectory()) {
    for (const name of await fsp.readdir(target).catch(() => [] as string[])) {
      const inner = await newestChange(path.join(target, name))
      if (inner !== null) newest = Math.max(newest, inner)
    }
  }
  return newest
}
