import type { JobsConfig, Payload } from 'payload'

import { MEDIA_QUEUE, NOTIFICATION_QUEUE, RELEASE_QUEUE } from './queues'
import { workerSettings } from '../domain/jobs/workerSettings'
import { isStopping } from '../lib/jobs/runningJobs'
import { stopJobsInThisProcess } from '../lib/jobs/stopJobs'
import { resumeStalledMediaJobs } from '../services/media/resumeStalledMediaJobs'
import { mediaJobStaleAfterMs } from '../services/media/staleAfter'
import { resumeStalledNotifications } from '../services/notifications/resumeStalledNotifications'
import { resumeStalledBuilds } from '../services/releases/resumeStalledBuilds'

type AutorunCronConfig = Extract<NonNullable<JobsConfig['autoRun']>, unknown[]>[number]

/** In-server jobs: always in development, in production only when asked (MEDIA_JOBS_AUTORUN=1). */
export function shouldRunJobsInServer(env: Record<string, string | undefined> = process.env) {
  if (env.MEDIA_JOBS_AUTORUN === '0') return false
  if (env.MEDIA_JOBS_AUTORUN === '1') return true
  return env.NODE_ENV === 'development'
}

/** Payload asks before each run; a stopping server starts nothing new. */
export const shouldAutoRunJobs = (): boolean => shouldRunJobsInServer() && !isStopping()

/**
 * Payload's `jobs.autoRun`: called once in a process that runs jobs on a schedule (the Next
 * server; never a worker or a script). There it also does what the worker does around its
 * batches: takes over jobs of dead processes, and stops within a bounded time on SIGTERM.
 */
export function inProcessJobRuns(payload: Payload): AutorunCronConfig[] {
  if (shouldRunJobsInServer()) superviseInProcessJobs(payload)
  return [
    { cron: '*/5 * * * * *', queue: MEDIA_QUEUE, limit: 2 },
    { cron: '*/5 * * * * *', queue: RELEASE_QUEUE, limit: 1 },
    { cron: '*/5 * * * * *', queue: NOTIFICATION_QUEUE, limit: 5 },
  ]
}

// Survives a development reload of this module: one set of signal handlers per process.
const SUPERVISED = Symbol.for('cdm-studio.inProcessJobs')

function superviseInProcessJobs(payload: Payload): void {
  const holder = globalThis as { [SUPERVISED]?: boolean }
  if (holder[SUPERVISED]) return
  holder[SUPERVISED] = true
  const everyMs = Math.min(30_000, Math.max(1_000, mediaJobStaleAfterMs() / 2))
  const timer = setInterval(() => {
    if (isStopping()) return
    Promise.all([
      resumeStalledMediaJobs(payload),
      resumeStalledBuilds(payload),
      resumeStalledNotifications(payload),
    ]).catch((error) =>
      payload.logger.warn({ err: error }, 'Could not check for jobs of stopped processes'),
    )
  }, everyMs)
  timer.unref()
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => void stopInProcessJobs(payload, signal))
}

/**
 * Next's own handler closes the HTTP server on SIGTERM and then calls process.exit. That exit
 * is held back until the jobs have finished their step or are back in the queue (at most
 * JOBS_STOP_GRACE_SECONDS and a few writes); a second signal exits at once.
 */
async function stopInProcessJobs(payload: Payload, signal: NodeJS.Signals): Promise<void> {
  const exit = process.exit.bind(process)
  if (isStopping()) return exit(signal === 'SIGINT' ? 130 : 143)
  let requested: number | undefined
  let drained = false
  process.exit = ((code?: number | string | null) => {
    if (drained) return exit(code)
    requested = Number(code ?? 0)
    return undefined as never
  }) as typeof process.exit
  const started = Date.now()
  const report = await stopJobsInThisProcess(payload, workerSettings(process.env).stopGraceMs)
  drained = true
  payload.logger.info(
    `Jobs stopped on ${signal} in ${Date.now() - started} ms; ${report.returned} running job(s) put back in the queue`,
  )
  // Jobs handed back are still running in this process: exit now, before they write again.
  if (requested !== undefined || report.returned > 0)
    exit(requested ?? (signal === 'SIGINT' ? 130 : 143))
}
