import type { Payload } from 'payload'

import { retryDelayMs } from '../../domain/jobs/retry'
import { isTransientDatabaseError } from '../../domain/jobs/transientDatabaseError'
import type { Id } from '../../domain/refs'

/**
 * Puts a job this process claimed back in the queue, unless it has finished meanwhile: the next
 * worker claims it at once. Its attempts are not counted: stopping is not the job's failure.
 * Returns whether the job was still claimed.
 */
export async function returnJobToQueue(payload: Payload, id: Id): Promise<boolean> {
  const returned = await retryWhileBusy(() =>
    payload.db.updateJobs({
      where: {
        and: [
          { id: { equals: id } },
          { processing: { equals: true } },
          // Never set: NULL on SQLite; on MongoDB a missing field or null, which `exists`
          // alone would not match.
          { completedAt: { equals: null } },
        ],
      },
      data: { processing: false },
      // With a limit, the MongoDB adapter returns the rows it updated; without one it finds them
      // again by this `where`, which the update has just made false.
      limit: 1,
      returning: true,
    }),
  )
  return (returned?.length ?? 0) > 0
}

/** Runs `write` again while SQLite is busy, with a doubling wait, for up to about 8 s. */
export async function retryWhileBusy<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await write()
    } catch (error) {
      if (!isTransientDatabaseError(error) || failures + 1 >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(failures + 1)))
    }
  }
}
