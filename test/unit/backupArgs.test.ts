import { describe, expect, it } from 'vitest'

import { parseBackupArgs, parseRestoreArgs } from '../../src/domain/backup/cliArgs'
import { restoreRefusal, type RestoreTarget } from '../../src/domain/backup/restoreRules'

describe('backup and restore arguments', () => {
  it('should read a folder and the flags each command knows', () => {
    expect(parseBackupArgs(['/backups/today'])).toEqual({
      ok: true,
      options: { dir: '/backups/today', includeDatabase: true },
    })
    expect(parseBackupArgs(['--no-database', 'b'])).toEqual({
      ok: true,
      options: { dir: 'b', includeDatabase: false },
    })
    expect(parseRestoreArgs(['b', '--force'])).toEqual({
      ok: true,
      options: { dir: 'b', force: true },
    })
    expect(parseRestoreArgs(['--', '--odd-name'])).toEqual({
      ok: true,
      options: { dir: '--odd-name', force: false },
    })
  })

  it.each([
    [[], 'Name the backup folder. Usage: npm run restore -- <folder> [--force]'],
    [
      ['a', 'b'],
      'Name one backup folder, not 2 ("a", "b"). Usage: npm run restore -- <folder> [--force]',
    ],
    [
      ['a', '--no-database'],
      'Unknown option "--no-database". Usage: npm run restore -- <folder> [--force]',
    ],
    [['  '], 'The backup folder name is empty. Usage: npm run restore -- <folder> [--force]'],
  ])('should refuse restore arguments %j with a message', (argv, message) => {
    expect(parseRestoreArgs(argv)).toEqual({ ok: false, message })
  })

  it('should not take --force for a backup', () => {
    expect(parseBackupArgs(['a', '--force'])).toEqual({
      ok: false,
      message: 'Unknown option "--force". Usage: npm run backup -- <folder> [--no-database]',
    })
  })
})

describe('when a restore is refused', () => {
  const empty: RestoreTarget = {
    engine: 'sqlite',
    databaseFile: '/srv/data/cdm-studio.db',
    databaseBytes: null,
    mediaDir: '/srv/media',
    mediaFiles: 0,
  }

  it('should restore into an empty studio', () => {
    expect(restoreRefusal({ backupDatabase: 'sqlite', target: empty, force: false })).toBeNull()
    expect(
      restoreRefusal({
        backupDatabase: 'sqlite',
        target: { ...empty, databaseBytes: 0 },
        force: false,
      }),
    ).toBeNull()
  })

  it('should refuse to replace a database unless forced', () => {
    const target = { ...empty, databaseBytes: 4096 }
    expect(restoreRefusal({ backupDatabase: 'sqlite', target, force: false })).toBe(
      '/srv/data/cdm-studio.db already holds a database (4096 bytes). Restoring replaces it: stop the studio and run again with --force (the current file is then kept beside it, renamed *.before-restore-<time>).',
    )
    expect(restoreRefusal({ backupDatabase: 'sqlite', target, force: true })).toBeNull()
  })

  it('should refuse to write over media unless forced, even for a files-only backup', () => {
    const target = { ...empty, mediaFiles: 1 }
    expect(restoreRefusal({ backupDatabase: null, target, force: false })).toContain(
      'The media folder /srv/media already holds 1 file.',
    )
    expect(restoreRefusal({ backupDatabase: null, target, force: true })).toBeNull()
  })

  it('should never put an SQLite snapshot under a MongoDB configuration', () => {
    const target: RestoreTarget = { engine: 'mongodb', mediaDir: '/srv/media', mediaFiles: 0 }
    expect(restoreRefusal({ backupDatabase: 'sqlite', target, force: true })).toContain(
      'DATABASE_URI points at MongoDB',
    )
    expect(restoreRefusal({ backupDatabase: null, target, force: false })).toBeNull()
  })
})
