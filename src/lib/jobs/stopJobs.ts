import type { Payload } from 'payload'

import { stopMediaTools } from '../ffmpeg'
import { returnJobToQueue } from './returnJobs'
import { beginStopping, runningJobs, whenAllParked } from './runningJobs'
import { mediaStore } from '../storage/store'

export interface StopReport {
  /** Jobs that were still running after the grace period and went back to the queue. */
  returned: number
  /** Whether every running job reached the end of a step (or finished) within the grace. */
  settled: boolean
}

/**
 * Stops this process's jobs within a bounded time: no new job is claimed; each running job gets
 * `graceMs` to finish its current step (it then parks, see atStepBoundary) or the whole job;
 * whatever still runs is put back in the queue, its encoders are killed and its half-written
 * files removed. The caller exits right after, so nothing of the stopped jobs runs again here.
 */
export async function stopJobsInThisProcess(
  payload: Payload,
  graceMs: number,
): Promise<StopReport> {
  beginStopping()
  const settled = await whenAllParked(graceMs)
  let returned = 0
  for (const job of runningJobs()) {
    try {
      if (!(await returnJobToQueue(payload, job.id))) continue
      returned += 1
      await job.onReturned?.()
    } catch (error) {
      // Left claimed: another worker takes it over once its heartbeat is stale.
      payload.logger.error({ err: error, jobId: job.id }, 'Could not put a job back in the queue')
    }
  }
  // Last and synchronous: the caller's exit follows before any killed encoder is reported.
  stopMediaTools()
  mediaStore().discardOwnStaging()
  return { returned, settled }
}
