import type { Payload } from 'payload'

import { retryDelayMs } from '../domain/jobs/retry'
import { isTransientDatabaseError } from '../domain/jobs/transientDatabaseError'
import type { WorkerSettings } from '../domain/jobs/workerSettings'
import { returnJobToQueue } from '../lib/jobs/returnJobs'
import { isStopping, takeFinishedJobIds } from '../lib/jobs/runningJobs'
import { resumeStalledMediaJobs } from '../services/media/resumeStalledMediaJobs'
import { resumeStalledNotifications } from '../services/notifications/resumeStalledNotifications'
import { resumeStalledBuilds } from '../services/releases/resumeStalledBuilds'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The worker's loop: take over jobs of dead processes, run a batch of every queue, and again;
 * wait `intervalMs` when there was nothing to do. A failed batch never ends the worker: it
 * waits longer after each failure in a row (a busy database clears in moments, an outage may
 * not) and puts back in the queue every job it ran whose row still says "processing" (Payload
 * could not record the end). Returns only once the process is stopping (see stopJobs).
 */
export async function runWorker(payload: Payload, settings: WorkerSettings): Promise<void> {
  let failures = 0
  while (!isStopping()) {
    let ran = 0
    try {
      takeFinishedJobIds()
      await resumeStalledMediaJobs(payload)
      await resumeStalledBuilds(payload)
      await resumeStalledNotifications(payload)
      const result = await payload.jobs.run({ allQueues: true, limit: settings.batch })
      ran = Object.keys(result.jobStatus ?? {}).length
      failures = 0
    } catch (error) {
      failures += 1
      const waitMs = retryDelayMs(failures)
      payload.logger.warn({ err: error }, describeFailure(error, waitMs))
      await returnUnrecordedJobs(payload)
      await sleep(waitMs)
      continue
    }
    if (ran === 0) await sleep(settings.intervalMs)
  }
}

function describeFailure(error: unknown, waitMs: number): string {
  const why = isTransientDatabaseError(error)
    ? `the database stayed busy (SQLITE_BUSY) past the busy timeout`
    : `it failed: ${(error as Error)?.message ?? String(error)}`
  return `worker: a batch stopped because ${why}; trying again in ${waitMs} ms`
}

/** Jobs this process ran in the failed batch and Payload could not mark done or failed. */
async function returnUnrecordedJobs(payload: Payload): Promise<void> {
  for (const id of takeFinishedJobIds()) {
    try {
      if (await returnJobToQueue(payload, id))
        payload.logger.warn(`worker: job ${id} is back in the queue`)
    } catch {
      // Still claimed: it is taken over once its heartbeat is stale (resumeStalledMediaJobs).
    }
  }
}
