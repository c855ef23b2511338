import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const mount = (args: string[]) =>
  execFileSync('mount', args, { stdio: ['ignore', 'ignore', 'pipe'] })

/**
 * Null when this machine lets the tests mount a small file system (root, with CAP_SYS_ADMIN, as
 * on CI), otherwise why not: tests that need one are then skipped, saying so.
 */
export function whyNoSmallDisk(): string | null {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-mount-probe-'))
  try {
    mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])
    execFileSync('umount', [probe])
    return null
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim()
    return `mounting a small file system is not permitted here (needs root with CAP_SYS_ADMIN): ${stderr || (error as Error).message}`
  } finally {
    fs.rmSync(probe, { recursive: true, force: true })
  }
}

export interface SmallDisk {
  dir: string
  /** Takes every free byte with one file. */
  fillBytes(): void
  /** Takes every free inode but `spare` with empty files; bytes stay free. */
  fillInodes(spare?: number): void
  /** Removes what the fill methods wrote. */
  emptyFill(): void
  /** Everything on the disk but the fill, sorted. */
  contents(): string[]
  readOnly(): void
  writable(): void
  unmount(): void
}

const FILL_BYTES = 'zz-fill-bytes'
const FILL_INODES = 'zz-fill-inodes'

/**
 * A tmpfs of `bytes` (and at most `inodes` files) mounted over `dir`, hiding what `dir` held
 * until it is unmounted. Always unmount it in a `finally`.
 */
export function mountSmallDisk(
  dir: string,
  options: { bytes: number; inodes?: number },
): SmallDisk {
  fs.mkdirSync(dir, { recursive: true })
  const size = `size=${options.bytes}${options.inodes ? `,nr_inodes=${options.inodes}` : ''}`
  mount(['-t', 'tmpfs', '-o', size, 'tmpfs', dir])
  const fillers = path.join(dir, FILL_INODES)
  return {
    dir,
    fillBytes() {
      try {
        fs.writeFileSync(path.join(dir, FILL_BYTES), Buffer.alloc(options.bytes + 4096))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
      }
    },
    fillInodes(spare = 0) {
      fs.mkdirSync(fillers, { recursive: true })
      const made: string[] = []
      for (let i = 0; ; i++) {
        try {
          fs.writeFileSync(path.join(fillers, String(i)), '')
          made.push(String(i))
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
          break
        }
      }
      for (const name of made.slice(made.length - spare)) fs.rmSync(path.join(fillers, name))
    },
    emptyFill() {
      fs.rmSync(fillers, { recursive: true, force: true })
      fs.rmSync(path.join(dir, FILL_BYTES), { force: true })
    },
    contents() {
      return fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => !name.startsWith(FILL_BYTES) && !name.startsWith(FILL_INODES))
        .sort()
    },
    readOnly() {
      mount(['-o', 'remount,ro', dir])
    },
    writable() {
      mount(['-o', 'remount,rw', dir])
    },
    unmount() {
      try {
        execFileSync('umount', [dir])
      } catch {
        // Something still holds a file open there: detach it now, it goes once released.
        execFileSync('umount', ['-l', dir])
      }
    },
  }
}
