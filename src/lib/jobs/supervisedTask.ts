import type { Payload, TaskHandler, TaskHandlerArgs, TaskType } from 'payload'

import { startJobHeartbeat } from './heartbeat'
import { trackRunningJob } from './runningJobs'
import { heartbeatEveryMs } from '../../domain/jobs/heartbeat'

export interface Supervision<Input> {
  /** Renew the job's claim while it runs, so a dead process's job is found (see heartbeat.ts). */
  staleAfterMs?: () => number
  /** After a stopping process put the job back in the queue. */
  onReturned?: (args: { input: Input; payload: Payload }) => Promise<void>
}

/**
 * Wraps a task handler so that the process knows it runs (a stopping worker waits for it or
 * hands it back, see stopJobs.ts) and, when asked, so that its job row carries a heartbeat.
 */
export function supervisedTask<T extends TaskType>(
  handler: TaskHandler<T>,
  supervision: Supervision<TaskHandlerArgs<T>['input']>,
): TaskHandler<T> {
  return async (args) => {
    const { job, req, input } = args
    const tracked = trackRunningJob(
      job.id,
      supervision.onReturned && (() => supervision.onReturned!({ input, payload: req.payload })),
    )
    const heartbeat = supervision.staleAfterMs
      ? startJobHeartbeat(req.payload, job.id, heartbeatEveryMs(supervision.staleAfterMs()))
      : null
    try {
      return await handler(args)
    } finally {
      await heartbeat?.stop()
      tracked.finish()
    }
  }
}
