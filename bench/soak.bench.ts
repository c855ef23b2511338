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
// queue afterwards.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'

import type { Script } from '../src/payload-types'
import { bytes, ms, seconds, table } from './helpers/format'
import { expectStatus, signInAs, type Api } from './helpers/soak/api'
import { runDeliveryLoad } from './helpers/soak/deliveryLoad'
import { readJobs, type JobCounts } from './helpers/soak/jobs'
import { addClipWithNewMedia, type MediaJob } from './helpers/soak/mediaJob'
import { buildForProduction, startProductionStudio } from './helpers/soak/productionStudio'
import {
  clipStatuses,
  publishDemo,
  waitForAllClipsReady,
  type AssetChoice,
} from './helpers/soak/publishDemo'
import { readBack, RouteRecorder, runDesigner, runPublisher } from './helpers/soak/people'
import {
  countLoggedErrors,
  countSqliteBusy,
  errorsByStatus,
  findLostWrites,
  percentile,
  tallyRoute,
  type RouteTally,
} from './helpers/soak/tally'

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

/** Until the queue is empty and every clip is ready, or `timeoutMs`; the last look at both. */
async function drain(api: Api, databaseFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const jobs: JobCounts = await readJobs(databaseFile)
    const notReady = (await clipStatuses(api)).filter((c) => c.processing?.status !== 'ready')
    if ((jobs.unfinished === 0 && notReady.length === 0) || Date.now() > deadline)
      return { jobs, notReady }
    await sleep(1000)
  }
}

/** When the job's clip is ready (performance.now()), or null if it failed or never was. */
async function watchClip(api: Api, job: MediaJob, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const answer = await api.request<{ processing?: { status?: string } }>(
      'GET',
      `/api/clips/${job.clipId}?depth=0`,
    )
    const status = answer.json?.processing?.status
    if (status === 'ready') return performance.now()
    if (status === 'failed') return null
    await sleep(500)
  }
  return null
}

it('soak: delivery reads, designer writes, a publisher and a media job at once', async () => {
  buildForProduction()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-soak-'))
  const studio = await startProductionStudio(dir)
  try {
    const setupStarted = performance.now()
    const [admin, publisher, designer] = await Promise.all(
      (['admin', 'publisher', 'designer'] as const).map((role) => signInAs(studio.url, role)),
    )
    await waitForAllClipsReady(designer, 900_000)
    const mediaSetupMs = performance.now() - setupStarted
    const demo = await publishDemo({
      baseUrl: studio.url,
      admin,
      publisher,
      asset: SOAK_ASSET,
      timeoutMs: 600_000,
    })
    const exerciseIds = await idsOf(designer, 'exercises')
    const scriptIds = (
      await designer.request<Docs<Script>>('GET', '/api/scripts?depth=0&limit=1000')
    ).json.docs.map((s) => s.id)
    const [accentId] = await idsOf(designer, 'accents')
    const tag = Date.now().toString(36)
    console.log(
      `soak setup: demo media processed by the worker in ${seconds(mediaSetupMs)}, release ${demo.version} published; manifest ${bytes(demo.manifestBytes)}, ${SOAK_ASSET} asset ${bytes(demo.asset.bytes)} (${demo.asset.mime})`,
    )

    // ---- The run ----
    const mediaRoute = new RouteRecorder('POST animation, voice track, clip (media job)', [201])
    const durationMs = SOAK_SECONDS * 1000
    const loadBefore = os.loadavg()[0]
    const started = performance.now()
    const watching = (async () => {
      await sleep(MEDIA_STARTS_AFTER_MS)
      const job = await addClipWithNewMedia({
        api: designer,
        route: mediaRoute,
        accentId,
        seconds: MEDIA_CLIP_SECONDS,
        tag,
      })
      if (!job) return null
      const readyAt = await watchClip(designer, job, durationMs + DRAIN_SECONDS * 1000)
      return { job, readyAt }
    })()
    const [delivery, designerRun, publisherRoute] = await Promise.all([
      runDeliveryLoad({
        baseUrl: studio.url,
        apiKey: demo.apiKey,
        durationSeconds: SOAK_SECONDS,
        routes: [
          {
            name: `GET manifest.json (${MANIFEST_CONNECTIONS} conn.)`,
            path: demo.manifestPath,
            connections: MANIFEST_CONNECTIONS,
          },
          {
            name: `GET assets/:sha256 (${ASSET_CONNECTIONS} conn., ${bytes(demo.asset.bytes)})`,
            path: demo.asset.path,
            connections: ASSET_CONNECTIONS,
          },
        ],
      }),
      runDesigner({
        api: designer,
        exerciseIds,
        scriptIds,
        ratePerSecond: DESIGNER_WRITES_PER_SECOND,
        durationMs,
        tag,
      }),
      runPublisher({ api: publisher, ratePerSecond: PUBLISHER_LISTS_PER_SECOND, durationMs }),
    ])
    const runMs = performance.now() - started
    const loadAfter = os.loadavg()[0]
    const media = await watching

    // ---- Afterwards ----
    const drained = await drain(admin, studio.databaseFile, DRAIN_SECONDS * 1000)
    const lost = findLostWrites(designerRun.writes, await readBack(designer, designerRun.writes))
    const busy = {
      server: countSqliteBusy(studio.server.log()),
      worker: countSqliteBusy(studio.worker.log()),
    }
    const loggedErrors = {
      server: countLoggedErrors(studio.server.log()),
      worker: countLoggedErrors(studio.worker.log()),
    }
    const restarts = studio.worker
      .log()
      .split('\n')
      .filter((line) => /worker: the runner (stopped|exited)/.test(line)).length
    const alive = {
      server: studio.server.child.exitCode === null,
      worker: studio.worker.child.exitCode === null,
    }

    // ---- Report ----
    const own = [designerRun.titles, designerRun.comments, publisherRoute, mediaRoute].map(
      (route) => ({
        tally: tallyRoute({ ...route, durationMs: runMs }),
        expected: route.expected,
      }),
    )
    const routes: { tally: RouteTally; expected: readonly number[] }[] = [
      ...delivery.map((tally) => ({ tally, expected: [200] })),
      ...own,
    ]
    const writeLatencies = [
      ...designerRun.titles.latenciesMs,
      ...designerRun.comments.latenciesMs,
    ].sort((a, b) => a - b)
    const errors = errorsByStatus(routes.map((r) => ({ ...r, statuses: r.tally.statuses })))
    const errorCount = Object.values(errors).reduce((sum, n) => sum + n, 0)
    const lostCount = lost.missing.length + lost.mismatched.length
    const stuck = drained.jobs.unfinished
    const titleWrites = designerRun.writes.filter((w) => w.key.startsWith('exercises:'))
    const mediaLine = !media
      ? 'not added (an upload failed; see errors)'
      : media.readyAt === null
        ? 'clip never became ready'
        : `10 s of 720p, saved ${seconds(media.job.queuedAt - started)} into the run, ready ${seconds(media.readyAt - media.job.queuedAt)} later`
    console.log(
      [
        '',
        `Soak: ${seconds(runMs)} of load on the production server and its worker (SQLite); machine load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ${os.cpus().length} cores`,
        table([
          ['route', 'requests', 'req/s', 'p50', 'p99', 'errors'],
          ...routes.map(({ tally }) => [
            tally.name,
            String(tally.requests),
            tally.requestsPerSecond.toFixed(1),
            ms(tally.p50Ms),
            ms(tally.p99Ms),
            String(tally.errors),
          ]),
        ]),
        '',
        table([
          [
            `designer writes (${writeLatencies.length}, ${DESIGNER_WRITES_PER_SECOND}/s)`,
            `p50 ${ms(percentile(writeLatencies, 50))}, p99 ${ms(percentile(writeLatencies, 99))}`,
          ],
          [
            'errors by status',
            errorCount === 0
              ? 'none'
              : Object.entries(errors)
                  .map(([status, n]) => `${status}: ${n}`)
                  .join(', '),
          ],
          ['SQLITE_BUSY in the logs', `server ${busy.server}, worker ${busy.worker}`],
          [
            'ERROR lines in the logs',
            `server ${loggedErrors.server}, worker ${loggedErrors.worker}`,
          ],
          [
            'lost writes',
            `${lostCount} (${lost.checked} places read back: the last title of ${new Set(titleWrites.map((w) => w.key)).size} exercises after ${titleWrites.length} title writes, and ${lost.checked - new Set(titleWrites.map((w) => w.key)).size} comments)`,
          ],
          ['media job', mediaLine],
          [
            'stuck jobs',
            `${stuck} (jobs left in the queue: ${drained.jobs.total}, of them failed: ${drained.jobs.failed}; clips not ready: ${drained.notReady.length})`,
          ],
          [
            'processes',
            `server ${alive.server ? 'up' : 'exited'}, worker ${alive.worker ? 'up' : 'exited'}, worker runner restarts ${restarts}`,
          ],
        ]),
        ...lost.missing.slice(0, 10).map((key) => `  missing: ${key}`),
        ...lost.mismatched
          .slice(0, 10)
          .map((m) => `  mismatched: ${m.key}: expected "${m.expected}", found "${m.found}"`),
        ...drained.jobs.details.slice(0, 10).map((line) => `  ${line}`),
        ...drained.notReady
          .slice(0, 10)
          .map(
            (c) =>
              `  not ready: ${c.slug} (${c.processing?.status}: ${c.processing?.reason ?? ''})`,
          ),
        `  logs: ${studio.server.logFile}, ${studio.worker.logFile} (removed after the run)`,
      ].join('\n'),
    )

    expect(errors, 'errors by status').toEqual({})
    expect(lostCount, 'lost writes').toBe(0)
    expect(stuck, 'stuck jobs').toBe(0)
    expect(drained.jobs.failed, 'failed jobs').toBe(0)
    expect(
      drained.notReady.map((c) => c.slug),
      'clips not ready',
    ).toEqual([])
    expect(media?.readyAt, 'the media job during the run').toBeTypeOf('number')
    expect(alive, 'processes still running').toEqual({ server: true, worker: true })
  } finally {
    await studio.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
