import type { Payload, Where } from 'payload'

import { clipIdFromInput, markProcessing } from './processingStatus'
import { mediaJobStaleAfterMs } from './staleAfter'
import { MEDIA_JOB_RETRIES, MEDIA_QUEUE } from '../../jobs/queues'
import { retryWhileBusy } from '../../lib/jobs/returnJobs'
import { removeAbandonedBuilds } from '../../lib/storage/derived'

/** A job interrupted this often is given up: something in it kills the worker each time. */
const MAX_TRIES = MEDIA_JOB_RETRIES + 1

/**
 * Takes over media jobs whose process died. A running job renews its heartbeat (the job row's
 * `updatedAt`) every few seconds; one left "processing" without a beat for the stale limit was
 * killed, lost its machine, or its batch failed after claiming it. Payload never frees such a
 * job, and it would block every later job for the same clip. It goes back to the queue (or,
 * after MAX_TRIES, fails with a reason), its clip shows "queued" again, and half-written derived
 * files nobody has touched for the stale limit are removed. Returns how many jobs were resumed.
 */
export async function resumeStalledMediaJobs(payload: Payload): Promise<number> {
  const staleAfterMs = mediaJobStaleAfterMs()
  const cutoff = new Date(Date.now() - staleAfterMs).toISOString()
  const stale: Where[] = [
    { queue: { equals: MEDIA_QUEUE } },
    { processing: { equals: true } },
    { completedAt: { equals: null } },
    { updatedAt: { less_than: cutoff } },
  ]
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: stale },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  let resumed = 0
  for (const job of docs) {
    const tries = (job.totalTried ?? 0) + 1
    const givesUp = tries >= MAX_TRIES
    const reason = givesUp
      ? `Processing stopped ${tries} times before it finished (the worker running it died). Save the clip to try again.`
      : 'The worker processing this clip stopped; it is queued again.'
    // Only if still stale: a beat that landed meanwhile means its worker is alive after all.
    const updated = await retryWhileBusy(() =>
      payload.db.updateJobs({
        where: { and: [{ id: { equals: job.id } }, ...stale] },
        data: givesUp
          ? { processing: false, totalTried: tries, hasError: true, error: { message: reason } }
          : { processing: false, totalTried: tries },
        // With a limit, the MongoDB adapter returns the rows it updated; without one it finds
        // them again by this `where`, which the update has just made false.
        limit: 1,
        returning: true,
      }),
    )
    if (!updated?.length) continue
    resumed += 1
    payload.logger.warn(
      `Media job ${job.id}: its worker stopped; ${givesUp ? 'given up' : 'queued again'}.`,
    )
    const input = job.input as { clipId?: string } | null
    if (input?.clipId) {
      await markProcessing(payload)
        .clip(clipIdFromInput(payload, { clipId: input.clipId }), {
          status: givesUp ? 'failed' : 'queued',
          reason,
        })
        .catch(() => undefined) // the clip may have been deleted since
    }
  }
  await removeAbandonedBuilds(staleAfterMs)
  return resumed
}
