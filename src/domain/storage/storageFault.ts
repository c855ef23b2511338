/**
 * Faults of the disk the studio writes to, as opposed to problems with what someone uploaded:
 * they say nothing about the file, and they pass once an operator frees space or remounts.
 */
export type StorageFault = 'full' | 'readOnly'

const CODES: Record<string, StorageFault> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'readOnly',
}

// What ffmpeg prints (strerror) when its output cannot be written: it reports no errno code.
const MESSAGES: [RegExp, StorageFault][] = [
  [/No space left on device|Disk quota exceeded/i, 'full'],
  [/Read-only file system/i, 'readOnly'],
]

/** The storage fault behind an error (an errno code, or ffmpeg's words for one), or null. */
export function storageFaultOf(error: unknown): StorageFault | null {
  if (typeof error !== 'object' || error === null) return null
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && CODES[code]) return CODES[code]
  const text = [
    (error as { message?: unknown }).message,
    (error as { stderrTail?: unknown }).stderrTail,
  ]
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
  return MESSAGES.find(([pattern]) => pattern.test(text))?.[1] ?? null
}

/**
 * Whether a folder can take `neededFiles` new files of `neededBytes` in all, judged from what
 * its file system reports. Running out of inodes fails a write with ENOSPC just like running out
 * of bytes; `freeFiles` is null where the file system keeps no inode count (e.g. btrfs).
 */
export function checkRoom(input: {
  isWritable: boolean
  freeBytes: number
  freeFiles: number | null
  neededBytes: number
  neededFiles: number
}): StorageFault | null {
  if (!input.isWritable) return 'readOnly'
  if (input.freeBytes < input.neededBytes) return 'full'
  if (input.freeFiles !== null && input.freeFiles < input.neededFiles) return 'full'
  return null
}

/** What the person uploading is told: the cause, that nothing was kept, and what to do. */
export function describeUploadFault(fault: StorageFault | 'writeFailed'): string {
  const cause = {
    full: "The studio's storage is full, so the file cannot be saved.",
    readOnly: "The studio's storage is read-only at the moment, so the file cannot be saved.",
    writeFailed: 'The studio could not write the file to its storage.',
  }[fault]
  return `${cause} Nothing was saved. Try again later; if it keeps happening, ask an administrator to check the media disk.`
}

/** What a clip shows while its media job waits for the disk. */
export function describeJobFault(fault: StorageFault, retrySeconds: number): string {
  const cause =
    fault === 'full'
      ? "the studio's media storage is full"
      : "the studio's media storage is read-only"
  const [count, unit] =
    retrySeconds >= 120 ? [Math.round(retrySeconds / 60), 'minute'] : [retrySeconds, 'second']
  const every = `${count} ${unit}${count === 1 ? '' : 's'}`
  return `Waiting for storage: ${cause}. Processing tries again by itself every ${every}; free space on (or remount) the media disk to let it finish.`
}
