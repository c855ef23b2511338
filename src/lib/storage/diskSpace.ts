import fs from 'node:fs/promises'
import path from 'node:path'

export interface StorageState {
  isWritable: boolean
  /** Bytes an unprivileged process may still write (statfs `bavail`). */
  freeBytes: number
  /** Files (inodes) that can still be created; null where the file system does not count them. */
  freeFiles: number | null
}

/**
 * What the file system holding `dir` reports: room and writability. A folder that does not
 * exist yet (the first upload of a collection creates it) is judged by its nearest parent.
 */
export async function storageStateOf(dir: string): Promise<StorageState> {
  let existing = path.resolve(dir)
  while (!(await fs.stat(existing).catch(() => null))) {
    const parent = path.dirname(existing)
    if (parent === existing) break
    existing = parent
  }
  const stats = await fs.statfs(existing)
  const isWritable = await fs.access(existing, fs.constants.W_OK).then(
    () => true,
    () => false,
  )
  return {
    isWritable,
    freeBytes: stats.bavail * stats.bsize,
    freeFiles: stats.files > 0 ? stats.ffree : null,
  }
}
