// `npm run backup -- <folder> [--no-database]`: a consistent backup of the studio while it runs
// (see src/services/backup/takeBackup.ts and README, "Backup and restore").
import { parseBackupArgs } from '../src/domain/backup/cliArgs'
import { studioLocations } from '../src/lib/backup/locations'
import { BackupError } from '../src/services/backup/backupError'
import { takeBackup } from '../src/services/backup/takeBackup'

const args = parseBackupArgs(process.argv.slice(2))
if (!args.ok) {
  console.error(args.message)
  process.exit(2)
}
try {
  const report = await takeBackup({
    ...args.options,
    locations: studioLocations(),
    log: (line) => console.log(`backup: ${line}`),
  })
  console.log(
    `backup: done in ${report.dir}: ${report.database ? 'the database, ' : ''}${report.mediaFiles} media and ${report.dataFiles} data files, ${report.bytes} bytes, as of ${report.createdAt}.`,
  )
  for (const link of report.skippedLinks) console.warn(`backup: skipped symbolic link ${link}`)
  for (const note of report.notIncluded) console.log(`backup: not included: ${note}`)
} catch (error) {
  console.error(error instanceof BackupError ? `backup: ${error.message}` : error)
  process.exit(1)
}
