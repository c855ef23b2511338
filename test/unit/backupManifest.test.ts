import { describe, expect, it } from 'vitest'

import {
  buildBackupManifest,
  checkBackupContents,
  parseBackupManifest,
} from '../../src/domain/backup/backupManifest'
import { areaOf, isInProgress } from '../../src/domain/backup/layout'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const files = [
  { path: 'database.sqlite', sha256: A, bytes: 4096 },
  { path: 'media/animations/x.mp4', sha256: B, bytes: 100 },
  { path: 'media/derived/ab/key/.complete', sha256: A, bytes: 0 },
  { path: 'data/.payload-secret', sha256: B, bytes: 65 },
]
const manifest = buildBackupManifest({
  createdAt: '2026-12-01T10:00:00.000Z',
  files,
  notIncluded: ['PAYLOAD_SECRET'],
})

describe('backup manifest', () => {
  it('should count what the backup holds and say whether it has a database', () => {
    expect(manifest).toEqual({
      format: 'cdm-backup/1',
      createdAt: '2026-12-01T10:00:00.000Z',
      database: 'sqlite',
      counts: { mediaFiles: 2, dataFiles: 1, bytes: 4261 },
      notIncluded: ['PAYLOAD_SECRET'],
    })
    expect(
      buildBackupManifest({ createdAt: manifest.createdAt, files: files.slice(1), notIncluded: [] })
        .database,
    ).toBeNull()
  })

  it('should read its own manifest back and refuse other formats', () => {
    expect(parseBackupManifest(JSON.parse(JSON.stringify(manifest)))).toEqual({
      manifest,
      problem: null,
    })
    expect(parseBackupManifest({ ...manifest, format: 'cdm-backup/2' }).problem).toBe(
      'backup.json has format "cdm-backup/2"; this studio reads "cdm-backup/1".',
    )
    expect(parseBackupManifest({ ...manifest, counts: { mediaFiles: -1 } }).problem).toBe(
      'backup.json has no valid "counts".',
    )
    expect(parseBackupManifest([]).problem).toBe(
      'backup.json has format undefined; this studio reads "cdm-backup/1".',
    )
  })

  it('should find an intact backup intact', () => {
    expect(checkBackupContents({ manifest, listed: files, found: files })).toEqual([])
  })

  it('should name every file that is missing, changed or not listed', () => {
    const found = [
      { path: 'database.sqlite', sha256: B },
      { path: 'media/animations/x.mp4', sha256: B },
      { path: 'media/derived/ab/key/.complete', sha256: A },
      { path: 'media/extra.mp4', sha256: A },
    ]
    expect(checkBackupContents({ manifest, listed: files, found })).toEqual([
      `database.sqlite does not match its sha256 (expected ${A}, found ${B}).`,
      'data/.payload-secret is listed in SHA256SUMS but missing.',
      'media/extra.mp4 is in the backup but not in SHA256SUMS.',
    ])
  })

  it('should notice a list that disagrees with the manifest', () => {
    const listed = files.filter((file) => file.path !== 'database.sqlite')
    expect(checkBackupContents({ manifest, listed, found: listed })).toEqual([
      'backup.json says the backup holds a database, but SHA256SUMS lists no database.sqlite.',
    ])
    const outside = [...files, { path: 'elsewhere/x', sha256: A }]
    expect(checkBackupContents({ manifest, listed: outside, found: outside })).toEqual([
      'elsewhere/x is not part of a studio backup.',
    ])
  })
})

describe('backup layout', () => {
  it('should map backup paths to the configured locations', () => {
    expect(areaOf('database.sqlite')).toEqual({ area: 'database', relativePath: '' })
    expect(areaOf('media/animations/x.mp4')).toEqual({
      area: 'media',
      relativePath: 'animations/x.mp4',
    })
    expect(areaOf('data/signing/k.pem')).toEqual({ area: 'data', relativePath: 'signing/k.pem' })
    expect(areaOf('mediaevil/x')).toBeNull()
  })

  it('should skip work still being written, anywhere in a path', () => {
    expect(isInProgress('derived/.tmp-abc-1234/rendition.mp4')).toBe(true)
    expect(isInProgress(`assets/ab/${A}.tmp-1a2b3c4d`)).toBe(true)
    expect(isInProgress('derived/ab/key/.complete')).toBe(false)
  })
})
