import { secondsSetting } from '../../domain/jobs/heartbeat'

export const DEFAULT_MEDIA_JOB_STALE_MS = 60_000

/**
 * How long a media job may go without a heartbeat before it counts as dead and another worker
 * takes it over (MEDIA_JOB_STALE_SECONDS, default 60).
 */
export const mediaJobStaleAfterMs = (): number =>
  secondsSetting(process.env.MEDIA_JOB_STALE_SECONDS, DEFAULT_MEDIA_JOB_STALE_MS)
