/**
 * Heartbeats tell a slow job from a dead one: a running job renews a timestamp every few
 * seconds, and once it is older than the stale limit, the process running it is gone.
 */

/** True when the last sign of life is older than `staleAfterMs`; an unreadable time is stale. */
export function isHeartbeatStale(lastBeatAt: string, now: Date, staleAfterMs: number): boolean {
  const last = Date.parse(lastBeatAt)
  if (Number.isNaN(last)) return true
  return now.getTime() - last > staleAfterMs
}

const MIN_BEAT_MS = 250
const MAX_BEAT_MS = 5_000

/** Four beats per stale period, so one late write (a busy database) never looks like a death. */
export function heartbeatEveryMs(staleAfterMs: number): number {
  return Math.min(MAX_BEAT_MS, Math.max(MIN_BEAT_MS, Math.floor(staleAfterMs / 4)))
}

/** A duration given in seconds in the environment, e.g. MEDIA_JOB_STALE_SECONDS=120. */
export function secondsSetting(value: string | undefined, defaultMs: number): number {
  const seconds = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(seconds) && seconds > 0
    ? seconds * 1000
    : defaultMs
}
