// `npm run soak`: the studio under a mixed load, as production runs it (`next build`, then
// `npm start` and `npm run worker` on one SQLite database, the demo seeded and published).
// For SOAK_SECONDS (60), all at once:
// - 64 devices read through the delivery API, closed loops in autocannon (10 s timeout): 32
//   connections the published manifest, 32 an asset by sha256, the manifest's median-sized one
//   (SOAK_ASSET=largest: its biggest, a 5 MiB offline MP4);
// - a designer writes 5 times a second, turn about an exercise's title and a new comment;
// - a publisher lists the clips twice a second;
// - a designer adds a clip with new media a few seconds in, and the worker transcodes it.
// Then it waits for the job queue to empty, reads every written value back, and prints req/s,
// p50 and p99 per route, the write latency, errors by status code, SQLITE_BUSY lines in the
// server's and the worker's logs, lost writes and stuck jobs. Targets: 0 errors, 0 lost writes,
// 0 stuck jobs; the run fails when one is missed. Latencies are printed, never asserted.
// SOAK_SKIP_BUILD=1 reuses the build in .next; SOAK_DRAIN_SECONDS (300) bounds the wait for the
// queue afterwards. A failed run keeps its folder (logs, database, media) and prints where.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'

import type { Script } from '../src/payload-types'
import { bytes, seconds } from './helpers/format'
import { expectStatus, signInAs, type Api } from './helpers/soak/api'
import { runDeliveryLoad } from './helpers/soak/deliveryLoad'
import { readJobs } from './helpers/soak/jobs'
import { addClipWithNewMedia } from './helpers/soak/mediaJob'
import { readBack, RouteRecorder, runDesigner, runPublisher } from './helpers/soak/people'
import {
  buildForProduction,
  startProductionStudio,
  type ProductionStudio,
} from './helpers/soak/productionStudio'
import {
  clipStatuses,
  publishDemo,
  waitForAllClipsReady,
  type AssetChoice,
} from './helpers/soak/publishDemo'
import { soakReport, type SoakFindings } from './helpers/soak/report'
import { countLoggedErrors, countSqliteBusy, findLostWrites } from './helpers/soak/tally'

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const SOAK_ASSET: AssetChoice = process.env.SOAK_ASSET === 'largest' ? 'largest' : 'median'
const DRAIN_SECONDS = Number(process.env.SOAK_DRAIN_SECONDS ?? 300)
const MANIFEST_CONNECTIONS = 32
const ASSET_CONNECTIONS = 32
const DESIGNER_WRITES_PER_SECOND = 5
const PUBLISHER_LISTS_PER_SECOND = 2
/** Length of the new clip's 720p animation: a transcode of some seconds on these machines. */
const MEDIA_CLIP_SECONDS = 10
const MEDIA_STARTS_AFTER_MS = Math.min(5_000, (SOAK_SECONDS * 1000) / 6)

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait))
type Docs<T> = { docs: T[] }

async function idsOf(api: Api, collection: string): Promise<number[]> {
  const answer = await api.request<Docs<{ id: number }>>(
    'GET',
    `/api/${collection}?depth=0&limit=1000`,
  )
  return expectStatus(answer, 200, `list ${collection}`).docs.map((d) => d.id)
}

/** The people, the published release and the documents the run writes to. */
async function setUp(studio: ProductionStudio) {
  const started = performance.now()
  const [admin, publisher, designer] = await Promise.all(
    (['admin', 'publisher', 'designer'] as const).map((role) => signInAs(studio.url, role)),
  )
  await waitForAllClipsReady(designer, 900_000)
  const mediaMs = performance.now() - started
  const demo = await publishDemo({
    baseUrl: studio.url,
    admin,
    publisher,
    asset: SOAK_ASSET,
    timeoutMs: 600_000,
  })
  const scripts = await designer.request<Docs<Script>>('GET', '/api/scripts?depth=0&limit=1000')
  const setup = {
    admin,
    publisher,
    designer,
    demo,
    exerciseIds: await idsOf(designer, 'exercises'),
    scriptIds: expectStatus(scripts, 200, 'list scripts').docs.map((doc) => doc.id),
    accentId: (await idsOf(designer, 'accents'))[0],
  }
  console.log(
    `soak setup: demo media processed by the worker in ${seconds(mediaMs)}, release ${demo.version} published; manifest ${bytes(demo.manifestBytes)}, ${SOAK_ASSET} asset ${bytes(demo.asset.bytes)} (${demo.asset.mime})`,
  )
  return setup
}
type Setup = Awaited<ReturnType<typeof setUp>>

/** The new clip's media job, from a few seconds into the run until its clip is ready. */
async function mediaJobDuringRun(setup: Setup, route: RouteRecorder, tag: string) {
  const started = performance.now()
  await sleep(MEDIA_STARTS_AFTER_MS)
  const job = await addClipWithNewMedia({
    api: setup.designer,
    route,
    accentId: setup.accentId,
    seconds: MEDIA_CLIP_SECONDS,
    tag,
  })
  if (!job) return null
  const deadline = Date.now() + (SOAK_SECONDS + DRAIN_SECONDS) * 1000
  let readyAfterMs: number | null = null
  while (Date.now() < deadline) {
    const answer = await setup.designer.request<{ processing?: { status?: string } }>(
      'GET',
      `/api/clips/${job.clipId}?depth=0`,
    )
    const status = answer.json?.processing?.status
    if (status === 'ready') readyAfterMs = performance.now() - job.queuedAt
    if (status === 'ready' || status === 'failed') break
    await sleep(500)
  }
  return { clipSeconds: MEDIA_CLIP_SECONDS, savedAfterMs: job.queuedAt - started, readyAfterMs }
}

/** Everyone at once for SOAK_SECONDS. */
async function run(studio: ProductionStudio, setup: Setup) {
  const tag = Date.now().toString(36)
  const durationMs = SOAK_SECONDS * 1000
  const mediaUploads = new RouteRecorder('POST animation, voice track, clip (media job)', [201])
  const before = os.loadavg()[0]
  const started = performance.now()
  const media = mediaJobDuringRun(setup, mediaUploads, tag)
  const [delivery, designer, publisher] = await Promise.all([
    runDeliveryLoad({
      baseUrl: studio.url,
      apiKey: setup.demo.apiKey,
      durationSeconds: SOAK_SECONDS,
      routes: [
        {
          name: `GET manifest.json (${MANIFEST_CONNECTIONS} conn.)`,
          path: setup.demo.manifestPath,
          connections: MANIFEST_CONNECTIONS,
        },
        {
          name: `GET assets/:sha256 (${ASSET_CONNECTIONS} conn., ${bytes(setup.demo.asset.bytes)})`,
          path: setup.demo.asset.path,
          connections: ASSET_CONNECTIONS,
        },
      ],
    }),
    runDesigner({
      api: setup.designer,
      exerciseIds: setup.exerciseIds,
      scriptIds: setup.scriptIds,
      ratePerSecond: DESIGNER_WRITES_PER_SECOND,
      durationMs,
      tag,
    }),
    runPublisher({
      api: setup.publisher,
      ratePerSecond: PUBLISHER_LISTS_PER_SECOND,
      durationMs,
    }),
  ])
  return {
    runMs: performance.now() - started,
    loadAverage: { before, after: os.loadavg()[0] },
    delivery,
    designer,
    designerRate: DESIGNER_WRITES_PER_SECOND,
    publisher,
    mediaUploads,
    media: await media,
  }
}

/** Afterwards: the queue emptied (or not), every written value read back, the logs searched. */
async function inspect(
  studio: ProductionStudio,
  setup: Setup,
  ran: Awaited<ReturnType<typeof run>>,
): Promise<SoakFindings> {
  const deadline = Date.now() + DRAIN_SECONDS * 1000
  let jobs = await readJobs(studio.databaseFile)
  let notReady = (await clipStatuses(setup.admin)).filter((c) => c.processing?.status !== 'ready')
  while ((jobs.unfinished > 0 || notReady.length > 0) && Date.now() < deadline) {
    await sleep(1000)
    jobs = await readJobs(studio.databaseFile)
    notReady = (await clipStatuses(setup.admin)).filter((c) => c.processing?.status !== 'ready')
  }
  const logs = { server: studio.server.log(), worker: studio.worker.log() }
  return {
    ...ran,
    lost: findLostWrites(ran.designer.writes, await readBack(setup.designer, ran.designer.writes)),
    jobs,
    notReady,
    sqliteBusy: { server: countSqliteBusy(logs.server), worker: countSqliteBusy(logs.worker) },
    loggedErrors: {
      server: countLoggedErrors(logs.server),
      worker: countLoggedErrors(logs.worker),
    },
    runnerRestarts: logs.worker
      .split('\n')
      .filter((line) => /worker: the runner (stopped|exited)/.test(line)).length,
    alive: {
      server: studio.server.child.exitCode === null,
      worker: studio.worker.child.exitCode === null,
    },
    logFiles: [studio.server.logFile, studio.worker.logFile],
  }
}

it('soak: delivery reads, designer writes, a publisher and a media job at once', async () => {
  buildForProduction()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-soak-'))
  const studio = await startProductionStudio(dir)
  let passed = false
  try {
    const setup = await setUp(studio)
    const findings = await inspect(studio, setup, await run(studio, setup))
    const verdict = soakReport(findings)
    console.log(verdict.text)
    expect(verdict.errors, 'errors by status').toEqual({})
    expect(verdict.lostWrites, 'lost writes').toBe(0)
    expect(verdict.stuckJobs, 'stuck jobs').toBe(0)
    expect(findings.jobs.failed, 'failed jobs').toBe(0)
    expect(
      findings.notReady.map((c) => c.slug),
      'clips not ready',
    ).toEqual([])
    expect(findings.media?.readyAfterMs, 'the media job during the run').toBeTypeOf('number')
    expect(findings.alive, 'processes still running').toEqual({ server: true, worker: true })
    passed = true
  } finally {
    await studio.stop()
    // A failed run keeps its logs and database for a look.
    if (passed) fs.rmSync(dir, { recursive: true, force: true })
    else console.log(`soak: kept ${dir} (logs, database, media)`)
  }
})
