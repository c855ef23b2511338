// The worker's process (started and watched by scripts/worker.mjs): loads the studio's config
// once, then runs media jobs and release builds in batches until it is stopped (see
// src/jobs/worker.ts). On SIGTERM or SIGINT it claims nothing more, lets running jobs finish
// their step for JOBS_STOP_GRACE_SECONDS, puts the rest back in the queue and exits.
import { getPayload } from 'payload'

import config from '../payload.config'
import { workerSettings } from '../src/domain/jobs/workerSettings'
import { runWorker } from '../src/jobs/worker'
import { stopJobsInThisProcess } from '../src/lib/jobs/stopJobs'

const settings = workerSettings(process.env)
const loaded = await config
// Outside production Payload regenerates src/payload-types.ts in a child process on every
// start; a worker never writes source files (and must not leave that child behind).
const payload = await getPayload({
  config: { ...loaded, typescript: { ...loaded.typescript, autoGenerate: false } },
})
process.send?.({ ready: true })
payload.logger.info(
  `worker: ready; up to ${settings.batch} jobs at a time, polling every ${settings.intervalMs / 1000} s`,
)

let stopping = false
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return
  stopping = true
  const started = Date.now()
  const report = await stopJobsInThisProcess(payload, settings.stopGraceMs)
  payload.logger.info(
    `worker: stopped on ${signal} in ${Date.now() - started} ms; ${report.returned} running job(s) put back in the queue`,
  )
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

await runWorker(payload, settings)
