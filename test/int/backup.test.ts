import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { run, startUntil, stop } from './helpers/childProcess'
import { isSqliteRun } from './helpers/databaseKind'
import { dumpDocuments, type DocumentDump } from './helpers/dumpDocuments'
import { uniqueSuffix } from './helpers/payload'
import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { loginToken, requestAs, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { createDeliveryClient, type PublishedKey } from '../../src/delivery-client'
import { MediaFixtures, VALID_VTT } from './media/helpers/fixtures'
import { mediaDir } from '../../src/lib/config/paths'

const studio = setUpStudio()
const fixtures = new MediaFixtures()
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-backup-test-'))
const backupDir = path.join(work, 'backup')
const restored = path.join(work, 'restored')
const restoredEnv = {
  ...process.env,
  DATABASE_URI: `file:${path.join(restored, 'db', 'studio.db')}`,
  MEDIA_DIR: path.join(restored, 'media'),
  DATA_DIR: path.join(restored, 'data'),
}
const suffix = uniqueSuffix()
/** A studio process loads the whole config and pushes its schema: minutes on a busy machine. */
const STUDIO_START_MS = 300_000
let made: ReleasableToolkit
let keys: PublishedKey[] = []
let restoredStudio: ChildProcess | undefined
let restoredUrl = ''

/** A write the designer made while the backup ran: the n-th, and what it created. */
interface Write {
  n: number
  collection: 'toolkits' | 'captions'
  id: number
}
const writes: Write[] = []
let busyRetries = 0

afterAll(async () => {
  await stop(restoredStudio)
  for (const write of writes)
    await studio.payload
      .delete({ collection: write.collection, id: write.id })
      .catch(() => undefined)
  await made?.remove()
  fixtures.remove()
  fs.rmSync(work, { recursive: true, force: true })
})

/**
 * Saves a document the way a designer would: when the embedded database refuses with
 * SQLITE_BUSY (it does not wait while the snapshot reads, without WAL and a busy timeout), save
 * again, unless the document got stored anyway. The SQLite adapter runs without transactions,
 * so a create that failed in its audit-log write has already stored the document.
 */
async function saveRetryingBusy(
  collection: 'toolkits' | 'captions',
  where: Where,
  save: () => Promise<{ id: number }>,
): Promise<{ id: number }> {
  for (;;) {
    try {
      return await save()
    } catch (error) {
      const text = `${String(error)} ${String((error as Error)?.cause)}`
      if (!/SQLITE_BUSY|database is locked/.test(text)) throw error
      busyRetries += 1
      const stored = await studio.payload.find({ collection, where, limit: 1, depth: 0 })
      if (stored.docs[0]) return stored.docs[0]
    }
  }
}

/**
 * A designer writing as fast as the studio lets them: a toolkit each time, and every third time
 * a caption file too (an upload: a document and a file in media/). Writes are sequential, so a
 * consistent snapshot holds exactly the first k of them, for some k.
 */
function startWriting(): { stop: () => Promise<void>; count: () => number } {
  let stopping = false
  const loop = (async () => {
    for (let n = 1; !stopping; n++) {
      const slug = `backup-write-${suffix}-${n}`
      const toolkit = await saveRetryingBusy('toolkits', { slug: { equals: slug } }, () =>
        studio.payload.create({
          collection: 'toolkits',
          data: { title: `Written during backup ${n}`, slug },
        }),
      )
      writes.push({ n, collection: 'toolkits', id: toolkit.id })
      if (n % 3 !== 0) continue
      const data = Buffer.from(VALID_VTT.replace('Hello, Sam.', `Hello, Sam ${n}.`))
      const title = `backup write ${suffix} ${n}`
      const caption = await saveRetryingBusy('captions', { title: { equals: title } }, () =>
        studio.payload.create({
          collection: 'captions',
          data: { title },
          file: {
            data,
            mimetype: 'text/vtt',
            name: `backup-${suffix}-${n}.vtt`,
            size: data.length,
          },
        }),
      )
      writes.push({ n, collection: 'captions', id: caption.id })
    }
  })()
  return {
    stop: async () => {
      stopping = true
      await loop
    },
    count: () => writes.length,
  }
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function filesUnder(root: string, prefix = ''): string[] {
  if (!fs.existsSync(root)) return []
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    return entry.isDirectory() ? filesUnder(path.join(root, entry.name), relative) : [relative]
  })
}

/** Every file an upload document names: the upload and an image's resized copies. */
function uploadFilesOf(dump: DocumentDump): string[] {
  return ['animations', 'voice-tracks', 'captions', 'images'].flatMap((collection) =>
    Object.values(dump[collection]).flatMap((doc) => {
      const d = doc as { filename?: string; sizes?: Record<string, { filename?: string | null }> }
      return [d.filename, ...Object.values(d.sizes ?? {}).map((s) => s?.filename)]
        .filter((name): name is string => Boolean(name))
        .map((name) => `${collection}/${name}`)
    }),
  )
}

/**
 * Outside production the studio pushes its schema at every start and stamps the "dev" row of
 * payload-migrations with the time: the one value a start changes, so it is not compared.
 */
function withoutStartupStamp(collection: string, doc: unknown): unknown {
  const row = doc as { name?: string; updatedAt?: string }
  if (collection !== 'payload-migrations' || row.name !== 'dev') return doc
  return { ...row, updatedAt: undefined }
}

// The backup command copies the SQLite file and refuses MongoDB, whose operators use mongodump
// (README, "Backup and restore"): on a MongoDB run there is nothing of ours to test here.
describe.runIf(isSqliteRun)('backup and restore', () => {
  beforeAll(async () => {
    const { payload, world } = studio
    await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
    made = await makeReleasableToolkit(payload, world, fixtures)
    const token = await loginToken(studio.server.url, world.users.publisher.email, PASSWORD)
    const api = (method: string, url: string, body?: unknown) =>
      requestAs(studio.server.url, token, method, url, body)
    const created = await api('POST', '/api/releases', {
      toolkit: made.toolkit.id,
      version: '1.0.0',
      audiences: [made.audience.id],
      locales: ['en-GB'],
      accents: [made.accent.id],
    })
    expect(created.status).toBe(201)
    const releaseId = ((await created.json()) as { doc: { id: number } }).doc.id
    expect((await api('POST', `/api/releases/${releaseId}/publish`)).status).toBe(202)
    await payload.jobs.run({ queue: 'releases', limit: 5 })
    expect((await payload.findByID({ collection: 'releases', id: releaseId })).status).toBe(
      'published',
    )
    keys = await createDeliveryClient({ baseUrl: studio.server.url, apiKey: made.apiKey }).keys()
  })

  let source: DocumentDump
  let copy: DocumentDump
  let newest = 0
  let writtenBefore = 0

  it('should take a backup while a designer writes', async () => {
    const writer = startWriting()
    while (writer.count() < 3) await new Promise((resolve) => setTimeout(resolve, 20))
    writtenBefore = writer.count()
    const backup = await run('npm', ['run', '-s', 'backup', '--', backupDir], process.env)
    const writtenDuring = writer.count() - writtenBefore
    await writer.stop()
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toContain(`backup: done in ${backupDir}: the database, `)
    console.info(
      `backup: ${writtenBefore} writes before it started, ${writtenDuring} while it ran (${busyRetries} retried after SQLITE_BUSY)`,
    )
    expect(writtenDuring, 'the designer kept writing while the backup ran').toBeGreaterThan(0)
    source = await dumpDocuments(studio.payload)
  })

  it(
    'should restore into a fresh folder and start a studio on it',
    async () => {
      const restore = await run('npm', ['run', '-s', 'restore', '--', backupDir], restoredEnv)
      expect(restore.stderr).toBe('')
      expect(restore.code).toBe(0)
      expect(restore.stdout).toMatch(/restore: verified: \d+ files match SHA256SUMS/)
      const dumpFile = path.join(work, 'restored-dump.json')
      const started = await startUntil(
        'test/int/helpers/restoredStudio.ts',
        { ...restoredEnv, DUMP_FILE: dumpFile },
        'URL ',
        STUDIO_START_MS,
      )
      restoredStudio = started.child
      restoredUrl = started.line.slice('URL '.length)
      copy = JSON.parse(fs.readFileSync(dumpFile, 'utf8')) as DocumentDump
    },
    STUDIO_START_MS,
  )

  it('should hold every document as it was, and exactly the first k writes', () => {
    // Writes are sequential, so a consistent snapshot holds a prefix of them, with no gaps.
    const restoredWrites = writes.filter((w) => copy[w.collection][String(w.id)])
    newest = restoredWrites.length
    console.info(`restored: the first ${newest} of ${writes.length} writes`)
    expect(restoredWrites).toEqual(writes.slice(0, newest))
    expect(newest).toBeGreaterThanOrEqual(writtenBefore)
    // The SQLite adapter runs without transactions: one save is several statements (the row,
    // its locales, its audit entry), so the snapshot may cut the newest save in two. That one
    // is not compared; every other document must be exactly as the studio has it.
    const edge = writes[newest - 1]
    const later = writes.slice(newest)
    const isWrite = (list: Write[], collection: string, id: unknown) =>
      list.some((w) => w.collection === collection && String(w.id) === String(id))
    const isAbout = (list: Write[], collection: string, doc: unknown) => {
      if (collection !== 'audit-log') return false
      const entry = doc as { entityCollection?: string; entityId?: string }
      return isWrite(list, entry.entityCollection ?? '', entry.entityId)
    }
    expect(Object.keys(copy).sort()).toEqual(Object.keys(source).sort())
    for (const [collection, docs] of Object.entries(source)) {
      const expected = Object.entries(docs).filter(
        ([id, doc]) => !isWrite(later, collection, id) && !isAbout(later, collection, doc),
      )
      const edgeAudit = (id: string) =>
        isAbout([edge], collection, docs[id]) && !(id in copy[collection])
      expect(Object.keys(copy[collection]).sort(), `${collection}: ids`).toEqual(
        expected
          .map(([id]) => id)
          .filter((id) => !edgeAudit(id))
          .sort(),
      )
      for (const [id, doc] of expected) {
        if (isWrite([edge], collection, id) || isAbout([edge], collection, doc)) continue
        expect(
          withoutStartupStamp(collection, copy[collection][id]),
          `${collection} ${id}`,
        ).toEqual(withoutStartupStamp(collection, doc))
      }
    }
    const titles = writes
      .slice(0, newest - 1)
      .filter((w) => w.collection === 'toolkits')
      .map((w) => (copy.toolkits[String(w.id)] as { title: { 'en-GB': string } }).title['en-GB'])
    expect(titles).toEqual(
      writes
        .slice(0, newest - 1)
        .filter((w) => w.collection === 'toolkits')
        .map((w) => `Written during backup ${w.n}`),
    )
  })

  it('should hold every file with the same sha256, including every file a document names', () => {
    const restoredMedia = path.join(restored, 'media')
    const files = filesUnder(restoredMedia)
    expect(files.length).toBeGreaterThan(0)
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([])
    for (const file of files)
      expect(sha256(path.join(restoredMedia, file)), file).toBe(
        sha256(path.join(mediaDir(''), file)),
      )
    // Other test files leave a few documents whose file is gone (a delete that removed the
    // file and then failed); what the studio had must all be there.
    const named = uploadFilesOf(copy).filter((file) => fs.existsSync(path.join(mediaDir(''), file)))
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((file) => !files.includes(file))).toEqual([])
    const restoredCaptions = writes.slice(0, newest).filter((w) => w.collection === 'captions')
    expect(restoredCaptions.length).toBeGreaterThan(0)
    expect(filesUnder(path.join(restored, 'data')).sort()).toEqual(
      filesUnder(process.env.DATA_DIR!)
        .filter((f) => f === '.payload-secret' || f.startsWith('signing/'))
        .sort(),
    )
  })

  it('should serve the published release so that the delivery client verifies it', async () => {
    const client = createDeliveryClient({ baseUrl: restoredUrl, apiKey: made.apiKey })
    expect(await client.keys()).toEqual(keys)
    const outDir = path.join(work, 'device')
    // Pinned with the keys of the studio that was backed up, not the restored one's.
    const synced = await client.syncRelease({
      toolkit: made.toolkit.slug,
      audience: made.audience.slug,
      locale: 'en-GB',
      outDir,
      pinnedKeys: keys,
    })
    expect(synced.version).toBe('1.0.0')
    expect(synced.downloaded.length).toBeGreaterThan(0)
    const { assets } = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
      assets: Record<string, { file: string }>
    }
    for (const asset of synced.downloaded)
      expect(sha256(path.join(outDir, 'assets', assets[asset].file))).toBe(asset)
  })

  it('should refuse to restore over the restored database without --force, and keep the old one aside with it', async () => {
    await stop(restoredStudio)
    const database = path.join(restored, 'db', 'studio.db')
    const before = sha256(database)
    const refused = await run('npm', ['run', '-s', 'restore', '--', backupDir], restoredEnv)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`restore: ${database} already holds a database`)
    expect(refused.stderr).toContain('--force')
    expect(sha256(database)).toBe(before)

    const forced = await run(
      'npm',
      ['run', '-s', 'restore', '--', backupDir, '--force'],
      restoredEnv,
    )
    expect(forced.stderr).toBe('')
    expect(forced.code).toBe(0)
    const names = fs.readdirSync(path.dirname(database))
    // The old database goes aside with its WAL and shared-memory files, if the stopped studio
    // left them, so no stale WAL is replayed into the restored one.
    const aside = names.filter((n) => n.includes('.before-restore-') && !/-(wal|shm)$/.test(n))
    expect(aside).toHaveLength(1)
    expect(sha256(path.join(path.dirname(database), aside[0]))).toBe(before)
    expect(names).not.toContain('studio.db-wal')
    expect(names).not.toContain('studio.db-shm')
  })

  it('should refuse a damaged backup as a whole and restore nothing', async () => {
    const victim = filesUnder(path.join(backupDir, 'media')).find((f) => f.startsWith('captions/'))!
    fs.appendFileSync(path.join(backupDir, 'media', victim), 'tampered')
    const fresh = path.join(work, 'fresh')
    const result = await run('npm', ['run', '-s', 'restore', '--', backupDir], {
      ...process.env,
      DATABASE_URI: `file:${path.join(fresh, 'studio.db')}`,
      MEDIA_DIR: path.join(fresh, 'media'),
      DATA_DIR: path.join(fresh, 'data'),
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('is damaged; nothing was restored')
    expect(result.stderr).toContain(`media/${victim} does not match its sha256`)
    expect(filesUnder(fresh)).toEqual([])
  })
})
