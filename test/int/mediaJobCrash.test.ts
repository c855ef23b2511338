import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { eventually, mediaClips, unfinishedBuilds, waitForClip } from './helpers/mediaClips'
import { getTestPayload } from './helpers/payload'
import { startStudioProcess, type StudioProcess } from './helpers/studioProcess'
import { idOf } from '../../src/domain/refs'
import type { Clip } from '../../src/payload-types'
import { MediaFixtures } from './media/helpers/fixtures'

// Short limits so a dead job is taken over in seconds: beats every 0.5 s, stale after 2 s.
const WORKER_ENV = { MEDIA_JOB_STALE_SECONDS: '2', WORKER_INTERVAL_MS: '500' }

let payload: Payload
const fixtures = new MediaFixtures()
let clips: ReturnType<typeof mediaClips>
const started: StudioProcess[] = []

beforeAll(async () => {
  payload = await getTestPayload()
  // Other files leave clips queued; the workers here must run only this file's jobs.
  await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  clips = mediaClips(payload, fixtures)
})

afterEach(async ({ task }) => {
  for (const process of started.splice(0)) {
    if (task.result?.state === 'fail') console.error(process.lines.slice(-60).join('\n'))
    await process.killGroup()
  }
})

afterAll(async () => {
  await clips?.remove()
  fixtures.remove()
})

async function start(args: string[], env: Record<string, string>, readyLine: RegExp) {
  const process = await startStudioProcess(args, { env: { ...WORKER_ENV, ...env }, readyLine })
  started.push(process)
  return process
}

/** `npm run worker`, as an operator starts it. */
const startWorker = (env: Record<string, string> = {}) =>
  start(['scripts/worker.mjs'], env, /worker: ready/)

/** A worker that runs the job to `pauseAt` and waits there to be killed (mediaWorker.ts). */
async function pausedWorker(pauseAt: string) {
  const worker = await start(
    ['--import', 'tsx', 'test/int/helpers/mediaWorker.ts'],
    { PAUSE_AT: pauseAt },
    /^READY$/,
  )
  await worker.waitForLine(/^PAUSED$/)
  return worker
}

/**
 * Whether every job of the clip has ended, once Payload has recorded it (a moment after the
 * clip's last write): a finished job is deleted, a failed one kept with its error.
 */
async function jobsEnded(clip: Clip): Promise<boolean> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { concurrencyKey: { equals: `clip:${clip.id}` } },
      depth: 0,
    })
    if (docs.every((job) => job.completedAt)) return true
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function jobOf(clip: Clip) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { concurrencyKey: { equals: `clip:${clip.id}` } },
    sort: '-createdAt',
    depth: 0,
  })
  return docs[0]
}

describe('a media job whose worker is killed', () => {
  const points = [
    { pauseAt: 'render', seconds: 6 },
    { pauseAt: 'before-hls', seconds: 6.2 },
    { pauseAt: 'before-status', seconds: 6.4 },
  ]
  for (const { pauseAt, seconds } of points) {
    it(
      `should be taken over and finish after a SIGKILL at ${pauseAt}, leaving no half-written files`,
      { timeout: 600_000 },
      async () => {
        const clip = await clips.create(seconds)
        const dying = await pausedWorker(pauseAt)
        if (pauseAt === 'render') expect(unfinishedBuilds().length).toBeGreaterThan(0)

        let worker: StudioProcess | undefined
        if (pauseAt === 'before-hls') {
          // Alive and beating: a second worker leaves the job alone, well past the stale limit.
          worker = await startWorker()
          await new Promise((resolve) => setTimeout(resolve, 4_000))
          const job = await jobOf(clip)
          expect(job).toMatchObject({ processing: true, totalTried: 0 })
          expect(Date.now() - Date.parse(job!.updatedAt)).toBeLessThan(2_000)
        }

        await dying.killGroup()
        expect(await jobOf(clip)).toMatchObject({ processing: true })
        worker ??= await startWorker()

        const processing = await waitForClip(payload, clip.id, (p) => p.status === 'ready')
        expect(processing.status, processing.reason ?? '').toBe('ready')
        expect(
          await eventually(() => unfinishedBuilds().length === 0, 5_000),
          unfinishedBuilds().join(),
        ).toBe(true)
        expect(await jobsEnded(clip)).toBe(true)
        expect(worker.lines.some((line) => /its worker stopped; queued again/.test(line))).toBe(
          true,
        )
      },
    )
  }
})

describe('a worker asked to stop (SIGTERM)', () => {
  it(
    'should put a job it cannot finish within the grace back in the queue, and exit in time',
    { timeout: 600_000 },
    async () => {
      const clip = await clips.create(10)
      const worker = await startWorker({ JOBS_STOP_GRACE_SECONDS: '1' })
      await waitForClip(payload, clip.id, (p) => p.status === 'processing' && (p.progress ?? 0) > 0)

      const stoppedInMs = await worker.signal('SIGTERM', 15_000)
      expect(worker.isAlive()).toBe(false) // the worker and every encoder it started
      expect(stoppedInMs).toBeLessThan(6_000)
      expect(await jobOf(clip)).toMatchObject({ processing: false, hasError: false, totalTried: 0 })
      const processing = await waitForClip(payload, clip.id, () => true)
      expect(processing.status).toBe('queued')
      expect(processing.reason).toMatch(/worker stopped/)
      expect(unfinishedBuilds()).toEqual([])

      await startWorker()
      expect((await waitForClip(payload, clip.id, (p) => p.status === 'ready')).status).toBe(
        'ready',
      )
    },
  )

  it(
    'should finish the running step first when the grace allows, then hand the job back',
    { timeout: 600_000 },
    async () => {
      const clip = await clips.create(3)
      const worker = await startWorker({ JOBS_STOP_GRACE_SECONDS: '120' })
      await waitForClip(payload, clip.id, (p) => p.status === 'processing' && (p.progress ?? 0) > 0)

      const stoppedInMs = await worker.signal('SIGTERM', 130_000)
      expect(worker.isAlive()).toBe(false)
      expect(stoppedInMs).toBeLessThan(120_000)
      const animation = await payload.findByID({
        collection: 'animations',
        id: idOf(clip.animation)!,
        depth: 0,
      })
      expect(animation.processing?.status).toBe('ready') // the render step was finished
      const processing = await waitForClip(payload, clip.id, () => true)
      expect(processing.status).toBe('queued')
      expect(await jobOf(clip)).toMatchObject({ processing: false, hasError: false })
      expect(unfinishedBuilds()).toEqual([])

      await startWorker()
      expect((await waitForClip(payload, clip.id, (p) => p.status === 'ready')).status).toBe(
        'ready',
      )
    },
  )

  it(
    'should do the same in a server that runs jobs itself (MEDIA_JOBS_AUTORUN=1)',
    { timeout: 600_000 },
    async () => {
      const clip = await clips.create(10)
      const server = await start(
        ['--import', 'tsx', 'test/int/helpers/jobServer.ts'],
        { MEDIA_JOBS_AUTORUN: '1', JOBS_STOP_GRACE_SECONDS: '1' },
        /^READY$/,
      )
      await waitForClip(payload, clip.id, (p) => p.status === 'processing' && (p.progress ?? 0) > 0)

      // Next's handler asks to exit 50 ms after the signal; the jobs hold the exit back.
      const stoppedInMs = await server.signal('SIGTERM', 15_000)
      expect(server.isAlive()).toBe(false)
      expect(server.child.exitCode).toBe(143)
      expect(stoppedInMs).toBeGreaterThan(900)
      expect(stoppedInMs).toBeLessThan(6_000)
      expect(await jobOf(clip)).toMatchObject({ processing: false, hasError: false, totalTried: 0 })
      const processing = await waitForClip(payload, clip.id, () => true)
      expect(processing.status).toBe('queued')
      expect(unfinishedBuilds()).toEqual([])
    },
  )
})
