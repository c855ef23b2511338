import { createClient } from '@libsql/client'

export interface JobCounts {
  /** Rows in the jobs table: Payload deletes a job once it succeeds, so these are the rest. */
  total: number
  /** Not completed: queued, waiting or claimed by a worker. */
  unfinished: number
  /** Completed with an error. */
  failed: number
  /** The unfinished and failed ones, for the report. */
  details: string[]
}

/**
 * The jobs table as it stands, read straight from the SQLite file (the jobs collection has no
 * API anyone may read). A read connection does not block the studio's writers in WAL mode.
 */
export async function readJobs(databaseFile: string): Promise<JobCounts> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    const { rows } = await client.execute(
      'SELECT id, task_slug, queue, processing, completed_at, has_error, error, total_tried FROM payload_jobs',
    )
    const unfinished = rows.filter((r) => r.completed_at == null)
    const failed = rows.filter((r) => r.completed_at != null && Number(r.has_error) === 1)
    return {
      total: rows.length,
      unfinished: unfinished.length,
      failed: failed.length,
      details: [...unfinished, ...failed].map(
        (r) =>
          `job ${r.id} ${r.task_slug} (${r.queue}): ${r.completed_at ? 'failed' : Number(r.processing) ? 'processing' : 'queued'}, tried ${r.total_tried}${r.error ? `, ${String(r.error).slice(0, 200)}` : ''}`,
      ),
    }
  } finally {
    client.close()
  }
}
