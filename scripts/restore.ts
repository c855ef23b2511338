// `npm run restore -- <folder> [--force]`: restores a backup made by `npm run backup` into the
// configured DATABASE_URI, MEDIA_DIR and DATA_DIR (see src/services/backup/restoreBackup.ts).
import { parseRestoreArgs } from '../src/domain/backup/cliArgs'
import { studioLocations } from '../src/lib/backup/locations'
import { BackupError } from '../src/services/backup/backupError'
import { restoreBackup } from '../src/services/backup/restoreBackup'

const args = parseRestoreArgs(process.argv.slice(2))
if (!args.ok) {
  console.error(args.message)
  process.exit(2)
}
try {
  const report = await restoreBackup({
    ...args.options,
    locations: studioLocations(),
    log: (line) => console.log(`restore: ${line}`),
  })
  console.log(
    `restore: done: the backup of ${report.createdAt}${report.database ? ` into ${report.database}` : ''}, ${report.mediaFiles} media and ${report.dataFiles} data files.`,
  )
  for (const note of report.notes) console.log(`restore: note: ${note}`)
} catch (error) {
  console.error(error instanceof BackupError ? `restore: ${error.message}` : error)
  process.exit(1)
}
