/** What a restore would write over. */
export interface RestoreTarget {
  engine: 'sqlite' | 'mongodb'
  /** The configured SQLite file, and its size when it exists (null: no such file). */
  databaseFile?: string
  databaseBytes?: number | null
  mediaDir: string
  /** Files already in the media folder. */
  mediaFiles: number
}

/**
 * Why a restore must not go ahead, or null. A restore goes into an empty studio; with `force` it
 * replaces the database (the old one is kept aside) and writes over media of the same name.
 */
export function restoreRefusal(input: {
  backupDatabase: 'sqlite' | null
  target: RestoreTarget
  force: boolean
}): string | null {
  const { backupDatabase, target, force } = input
  if (backupDatabase === 'sqlite' && target.engine === 'mongodb')
    return 'This backup holds an SQLite database, but DATABASE_URI points at MongoDB. Restore it with DATABASE_URI unset or file:<path> (the embedded database); restore a MongoDB studio with mongorestore (see README, "Backup and restore").'
  if (force) return null
  if (backupDatabase === 'sqlite' && (target.databaseBytes ?? 0) > 0)
    return `${target.databaseFile} already holds a database (${target.databaseBytes} bytes). Restoring replaces it: stop the studio and run again with --force (the current file is then kept beside it, renamed *.before-restore-<time>).`
  if (target.mediaFiles > 0)
    return `The media folder ${target.mediaDir} already holds ${target.mediaFiles} file${target.mediaFiles === 1 ? '' : 's'}. Restore into an empty studio, or run again with --force to write the backup's files over it (files that are not in the backup are left as they are).`
  return null
}
