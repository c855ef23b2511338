import type { Payload } from 'payload'

import type { Id } from '../../domain/refs'

export interface Heartbeat {
  /** Writes a beat now, after any write still in flight. */
  beat(): Promise<void>
  /** Stops the timer once every write has landed. */
  stop(): Promise<void>
}

/**
 * Calls `write` every `everyMs` until stopped, one write at a time and in order, so a late
 * beat never lands after a later one. A failed beat is reported, never thrown: a busy database
 * must not fail the work the heartbeat vouches for.
 */
export function startHeartbeat({
  everyMs,
  write,
  onError,
}: {
  everyMs: number
  write: () => Promise<unknown>
  onError: (error: unknown) => void
}): Heartbeat {
  let writes: Promise<unknown> = Promise.resolve()
  const beat = () => {
    writes = writes.then(write).catch(onError)
    return writes.then(() => undefined)
  }
  const timer = setInterval(beat, everyMs)
  timer.unref()
  return {
    beat,
    async stop() {
      clearInterval(timer)
      await writes
    },
  }
}

/**
 * Renews a running job's `updatedAt`: the claim on a job row, which Payload sets when a worker
 * takes the job, stays fresh while the job runs, and goes stale once its process has died.
 */
export function startJobHeartbeat(payload: Payload, jobId: Id, everyMs: number): Heartbeat {
  return startHeartbeat({
    everyMs,
    write: () =>
      payload.db.updateJobs({
        id: jobId,
        data: { updatedAt: new Date().toISOString() },
        returning: false,
      }),
    onError: (error) =>
      payload.logger.warn({ err: error, jobId }, 'Could not renew the job heartbeat'),
  })
}
