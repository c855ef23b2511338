import type { Payload } from 'payload'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Jobs of a queue not yet done and still to be tried (failed jobs out of retries are left out). */
export async function pendingJobs(payload: Payload, queue: string): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: queue } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
  })
  return totalDocs
}

/**
 * Runs a queue's jobs the way a worker would, batch after batch, until none are pending.
 * Returns how many jobs ran, and how many 100 ms waits there were for a job not yet runnable
 * (e.g. in its retry back-off): more than 0 means the time includes waiting.
 */
export async function runQueueUntilIdle(
  payload: Payload,
  queue: string,
  { limit = 10, maxMs = 15 * 60_000 } = {},
): Promise<{ jobs: number; waits: number }> {
  const deadline = Date.now() + maxMs
  let ran = 0
  let waits = 0
  while ((await pendingJobs(payload, queue)) > 0) {
    if (Date.now() > deadline)
      throw new Error(`queue "${queue}" still has pending jobs after ${maxMs / 1000} s`)
    const result = await payload.jobs.run({ queue, limit, silent: true })
    const count = Object.keys(result.jobStatus ?? {}).length
    ran += count
    if (count === 0) {
      waits += 1
      await sleep(100)
    }
  }
  return { jobs: ran, waits }
}
