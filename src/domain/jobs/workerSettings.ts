import { secondsSetting } from './heartbeat'

export interface WorkerSettings {
  /** Jobs claimed per batch (WORKER_BATCH, default 2). */
  batch: number
  /** Wait between batches when there was nothing to do (WORKER_INTERVAL_MS, default 5000). */
  intervalMs: number
  /** How long a stopping process lets its running jobs finish their step (JOBS_STOP_GRACE_SECONDS, default 8). */
  stopGraceMs: number
}

export const DEFAULT_STOP_GRACE_MS = 8_000

/** The worker's knobs from the environment; a value that makes no sense keeps the default. */
export function workerSettings(env: Record<string, string | undefined>): WorkerSettings {
  const batch = Number(env.WORKER_BATCH)
  const interval = Number(env.WORKER_INTERVAL_MS)
  return {
    batch: Number.isInteger(batch) && batch > 0 ? batch : 2,
    intervalMs: Number.isFinite(interval) && interval >= 0 ? interval : 5_000,
    stopGraceMs: secondsSetting(env.JOBS_STOP_GRACE_SECONDS, DEFAULT_STOP_GRACE_MS),
  }
}
