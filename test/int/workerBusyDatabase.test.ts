import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { mediaClips, waitForClip } from './helpers/mediaClips'
import { getTestPayload } from './helpers/payload'
import { startStudioProcess, type StudioProcess } from './helpers/studioProcess'
import { MediaFixtures } from './media/helpers/fixtures'

let payload: Payload
const fixtures = new MediaFixtures()
let clips: ReturnType<typeof mediaClips>
let worker: StudioProcess | undefined

beforeAll(async () => {
  payload = await getTestPayload()
  await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  clips = mediaClips(payload, fixtures)
})

afterEach(async () => {
  await worker?.killGroup()
  worker = undefined
})

afterAll(async () => {
  await clips?.remove()
  fixtures.remove()
})

/**
 * Holds SQLite's write lock from this process for `ms`, as a long write elsewhere would: the
 * worker, which waits only 100 ms for it, meets SQLITE_BUSY on every write meanwhile.
 */
async function holdWriteLock(ms: number): Promise<void> {
  await holdWriteLockUntil(() => false, ms)
}

/**
 * Holds the write lock until `done()` says so (checked every 100 ms), or `maxMs` at the most:
 * on a busy machine the worker's next write may come late, and the test waits for it rather
 * than guess how long that takes.
 */
async function holdWriteLockUntil(done: () => boolean, maxMs: number): Promise<void> {
  const client = (payload.db as unknown as SQLiteAdapter).client
  const transaction = await client.transaction('write')
  const deadline = Date.now() + maxMs
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  await transaction.commit()
}

const startWorker = async () => {
  worker = await startStudioProcess(['scripts/worker.mjs'], {
    env: {
      SQLITE_BUSY_TIMEOUT_MS: '100',
      WORKER_INTERVAL_MS: '300',
      MEDIA_JOB_STALE_SECONDS: '30',
    },
    readyLine: /worker: ready/,
  })
  return worker
}

const restarts = (lines: string[]) =>
  lines.filter((line) => /runner (stopped unexpectedly|exited while loading)/.test(line))
const busyLines = (lines: string[]) =>
  lines.filter((line) => /SQLITE_BUSY|database is locked/.test(line))

describe.skipIf(!process.env.DATABASE_URI?.startsWith('file:'))(
  'a worker on a busy database',
  () => {
    it(
      'should retry its batch with a growing wait while it cannot claim, then run the job',
      { timeout: 600_000 },
      async () => {
        const clip = await clips.create(2)
        const { id: jobId } = (
          await payload.find({
            collection: 'payload-jobs',
            where: { concurrencyKey: { equals: `clip:${clip.id}` } },
            depth: 0,
          })
        ).docs[0]!
        const runnableIn = (ms: number) =>
          payload.db.updateJobs({
            id: jobId,
            data: { waitUntil: new Date(Date.now() + ms).toISOString() },
            returning: false,
          })
        await runnableIn(3_600_000)
        const running = await startWorker()
        // The job becomes runnable while the lock is held, so every claim meets SQLITE_BUSY.
        await runnableIn(1_000)
        await holdWriteLock(5_000)

        const retries = running.lines.filter((line) => /batch stopped .*SQLITE_BUSY/.test(line))
        expect(retries.length).toBeGreaterThanOrEqual(2)
        const waits = retries.map((line) => Number(/again in (\d+) ms/.exec(line)![1]))
        expect(waits[1]).toBeGreaterThan(waits[0])
        const processing = await waitForClip(payload, clip.id, (p) => p.status === 'ready')
        expect(processing.status, processing.reason ?? '').toBe('ready')
        expect(restarts(running.lines)).toEqual([])
      },
    )

    it(
      'should put a job back in the queue when the database is locked while it runs, and finish it',
      { timeout: 600_000 },
      async () => {
        const clip = await clips.create(6)
        const running = await startWorker()
        await waitForClip(
          payload,
          clip.id,
          (p) => p.status === 'processing' && (p.progress ?? 0) > 0,
        )
        // Every write the running job makes meanwhile (progress, heartbeat, status) meets the lock.
        await holdWriteLockUntil(() => busyLines(running.lines).length > 0, 60_000)

        expect(busyLines(running.lines).length).toBeGreaterThan(0)
        const processing = await waitForClip(payload, clip.id, (p) => p.status === 'ready')
        expect(processing.status, processing.reason ?? '').toBe('ready')
        const { docs } = await payload.find({
          collection: 'payload-jobs',
          where: { concurrencyKey: { equals: `clip:${clip.id}` } },
          depth: 0,
        })
        expect(docs.filter((job) => job.processing)).toEqual([])
        expect(restarts(running.lines)).toEqual([])
      },
    )
  },
)
