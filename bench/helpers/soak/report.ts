import os from 'node:os'

import { ms, seconds, table } from '../format'
import type { JobCounts } from './jobs'
import type { DesignerRun, RouteRecorder } from './people'
import { errorsByStatus, percentile, tallyRoute, type LostWrites, type RouteTally } from './tally'
import type { Clip } from '../../../src/payload-types'

/** Everything the soak saw, gathered after the run. */
export interface SoakFindings {
  runMs: number
  loadAverage: { before: number; after: number }
  delivery: RouteTally[]
  designer: DesignerRun
  designerRate: number
  publisher: RouteRecorder
  mediaUploads: RouteRecorder
  /** The new clip: seconds into the run it was saved, and how long until ready (null: never). */
  media: { clipSeconds: number; savedAfterMs: number; readyAfterMs: number | null } | null
  lost: LostWrites
  jobs: JobCounts
  notReady: Pick<Clip, 'slug' | 'processing'>[]
  sqliteBusy: { server: number; worker: number }
  loggedErrors: { server: number; worker: number }
  runnerRestarts: number
  alive: { server: boolean; worker: boolean }
  logFiles: string[]
}

export interface SoakVerdict {
  text: string
  errors: Record<string, number>
  lostWrites: number
  stuckJobs: number
}

const listed = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? 'none'
    : Object.entries(counts)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ')

/** The printed report, and the figures the targets are judged on. */
export function soakReport(f: SoakFindings): SoakVerdict {
  const own = [f.designer.titles, f.designer.comments, f.publisher, f.mediaUploads].map(
    (route) => ({ tally: tallyRoute({ ...route, durationMs: f.runMs }), expected: route.expected }),
  )
  const routes = [...f.delivery.map((tally) => ({ tally, expected: [200] })), ...own]
  const errors = errorsByStatus(
    routes.map((r) => ({ statuses: r.tally.statuses, expected: r.expected })),
  )
  const writes = [...f.designer.titles.latenciesMs, ...f.designer.comments.latenciesMs].sort(
    (a, b) => a - b,
  )
  const titles = f.designer.writes.filter((w) => w.key.startsWith('exercises:'))
  const exercises = new Set(titles.map((w) => w.key)).size
  const lostWrites = f.lost.missing.length + f.lost.mismatched.length
  const media = !f.media
    ? 'not added (an upload failed; see the errors)'
    : f.media.readyAfterMs === null
      ? 'the clip never became ready'
      : `${f.media.clipSeconds} s of 720p, saved ${seconds(f.media.savedAfterMs)} into the run, ready ${seconds(f.media.readyAfterMs)} later`
  const text = [
    '',
    `Soak: ${seconds(f.runMs)} of load on the production server and its worker (SQLite); machine load average ${f.loadAverage.before.toFixed(1)} before, ${f.loadAverage.after.toFixed(1)} after, ${os.cpus().length} cores`,
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
        `designer writes (${writes.length}, ${f.designerRate}/s)`,
        `p50 ${ms(percentile(writes, 50))}, p99 ${ms(percentile(writes, 99))}`,
      ],
      ['errors by status', listed(errors)],
      ['SQLITE_BUSY in the logs', `server ${f.sqliteBusy.server}, worker ${f.sqliteBusy.worker}`],
      [
        'ERROR lines in the logs',
        `server ${f.loggedErrors.server}, worker ${f.loggedErrors.worker}`,
      ],
      [
        'lost writes',
        `${lostWrites} (${f.lost.checked} places read back: the last title of ${exercises} exercises after ${titles.length} title writes, and ${f.lost.checked - exercises} comments)`,
      ],
      ['media job', media],
      [
        'stuck jobs',
        `${f.jobs.unfinished} (jobs left in the queue: ${f.jobs.total}, of them failed: ${f.jobs.failed}; clips not ready: ${f.notReady.length})`,
      ],
      [
        'processes',
        `server ${f.alive.server ? 'up' : 'exited'}, worker ${f.alive.worker ? 'up' : 'exited'}, worker runner restarts ${f.runnerRestarts}`,
      ],
    ]),
    ...f.lost.missing.slice(0, 10).map((key) => `  missing: ${key}`),
    ...f.lost.mismatched
      .slice(0, 10)
      .map((m) => `  mismatched: ${m.key}: expected "${m.expected}", found "${m.found}"`),
    ...f.jobs.details.slice(0, 10).map((line) => `  ${line}`),
    ...f.notReady
      .slice(0, 10)
      .map(
        (c) => `  not ready: ${c.slug} (${c.processing?.status}: ${c.processing?.reason ?? ''})`,
      ),
    `  logs: ${f.logFiles.join(', ')}`,
  ].join('\n')
  return { text, errors, lostWrites, stuckJobs: f.jobs.unfinished }
}
