import path from 'node:path'

import type { FileDigest } from '../../domain/backup/checksums'
import { backupPathOf } from '../../domain/backup/layout'
import { copyHashed, linkInPlace, walkFiles, type WalkedFile } from '../../lib/backup/files'

export type CopiedFile = FileDigest & { bytes: number }

/**
 * Copies folders into a backup, remembering what it copied so a second pass copies only what
 * appeared or changed since. Hard-linked files are copied once and linked again inside the
 * backup, so the backup is no bigger than what it holds (released assets are hard links of
 * derived media).
 */
export function backupCopier(dir: string) {
  const copies = new Map<string, { source: WalkedFile; copy: CopiedFile }>()
  const byInode = new Map<string, { source: WalkedFile; copy: CopiedFile }>()
  const links = new Set<string>()

  async function copyOne(file: WalkedFile, backupPath: string): Promise<CopiedFile | null> {
    const target = path.join(dir, backupPath)
    const twin = byInode.get(file.inode)
    if (twin && isUnchanged(twin.source, file)) {
      if (await linkInPlace(path.join(dir, twin.copy.path), target))
        return { ...twin.copy, path: backupPath }
    }
    try {
      return { path: backupPath, ...(await copyHashed(file.absolutePath, target)) }
    } catch (error) {
      // Gone since it was listed (a replaced upload): the snapshot does not refer to it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  return {
    /** Copies what is new or changed under `root` into `<area>/<prefix>/…`; returns how many. */
    async copyTree(input: {
      area: 'media' | 'data'
      root: string
      prefix?: string
      skip?: (relativePath: string, absolutePath: string) => boolean
    }): Promise<number> {
      const walked = await walkFiles(input.root, input.skip)
      const pathOf = (relative: string) =>
        backupPathOf(input.area, [input.prefix, relative].filter(Boolean).join('/'))
      walked.links.forEach((link) => links.add(pathOf(link)))
      let copied = 0
      for (const file of walked.files) {
        const backupPath = pathOf(file.relativePath)
        const previous = copies.get(backupPath)
        if (previous && isUnchanged(previous.source, file)) continue
        const copy = await copyOne(file, backupPath)
        if (!copy) continue
        const seen = { source: file, copy }
        copies.set(backupPath, seen)
        byInode.set(file.inode, seen)
        copied += 1
      }
      return copied
    },
    files: (): CopiedFile[] => [...copies.values()].map((seen) => seen.copy),
    /** Symbolic links found and not followed. */
    links: (): string[] => [...links],
  }
}

const isUnchanged = (a: WalkedFile, b: WalkedFile) =>
  a.inode === b.inode && a.bytes === b.bytes && a.mtimeMs === b.mtimeMs
