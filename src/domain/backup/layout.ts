/**
 * Where things live inside a backup folder. The database snapshot sits at the top; `media/`
 * mirrors MEDIA_DIR and `data/` holds the few files of DATA_DIR a studio needs to run.
 */
export const BACKUP_MANIFEST_FILE = 'backup.json'
export const CHECKSUMS_FILE = 'SHA256SUMS'
export const DATABASE_FILE = 'database.sqlite'

const AREAS = ['media', 'data'] as const
export type BackupArea = (typeof AREAS)[number] | 'database'

/** Marks files and folders still being written (derived builds, release builds, restores). */
export const IN_PROGRESS_MARK = '.tmp-'

/** Half-written work is never backed up: its final copy appears under another name. */
export const isInProgress = (relativePath: string): boolean =>
  relativePath.split('/').some((segment) => segment.includes(IN_PROGRESS_MARK))

export const backupPathOf = (area: BackupArea, relativePath = ''): string =>
  area === 'database' ? DATABASE_FILE : `${area}/${relativePath}`

/** Which configured location a backup path restores into, and the path below it. */
export function areaOf(backupPath: string): { area: BackupArea; relativePath: string } | null {
  if (backupPath === DATABASE_FILE) return { area: 'database', relativePath: '' }
  for (const area of AREAS) {
    if (backupPath.startsWith(`${area}/`))
      return { area, relativePath: backupPath.slice(area.length + 1) }
  }
  return null
}
