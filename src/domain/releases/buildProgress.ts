import type { BuildProgress } from '../../payload-types'
import { isHeartbeatStale } from '../jobs/heartbeat'

/**
 * Where a release build has got to; kept on the release so the admin and other workers see it.
 * Its contract is releaseRecordSchemas.ts, from which payload-types.ts has the type.
 */
export type { BuildProgress }

export const BUILD_PHASES = ['preflight', 'assets', 'bundles', 'publishing', 'done'] as const
export type BuildPhase = (typeof BUILD_PHASES)[number]

const PHASE_LABELS: Record<BuildPhase, string> = {
  preflight: 'Checking the toolkit',
  assets: 'Storing media files',
  bundles: 'Signing manifests and writing bundles',
  publishing: 'Publishing',
  done: 'Done',
}

/** A line a publisher understands, e.g. "Storing media files (12 of 40)". */
export function describeBuildProgress(progress: BuildProgress | null | undefined): string {
  if (!progress) return 'Waiting for a worker to start the build'
  const label = PHASE_LABELS[progress.phase] ?? progress.phase
  return progress.total > 0 ? `${label} (${progress.done} of ${progress.total})` : label
}

/**
 * 0–100 across the whole build: assets and bundles are the slow phases, so they take most of
 * the bar; the others are short steps.
 */
export function buildPercent(progress: BuildProgress | null | undefined): number {
  if (!progress) return 0
  const fraction = progress.total > 0 ? progress.done / progress.total : 1
  switch (progress.phase) {
    case 'preflight':
      return 0
    case 'assets':
      return Math.round(5 + 55 * fraction)
    case 'bundles':
      return Math.round(60 + 35 * fraction)
    case 'publishing':
      return 97
    case 'done':
      return 100
  }
}

export const DEFAULT_STALE_AFTER_MS = 120_000

/**
 * A build is stalled when its release says "building" but nothing has renewed the heartbeat
 * for `staleAfterMs`: the process running it was killed or lost. Before the first heartbeat the
 * time the release was last written (when it was queued) stands in for it.
 */
export function isBuildStalled(
  release: { status: string; build?: BuildProgress | null; updatedAt: string },
  now: Date,
  staleAfterMs: number = DEFAULT_STALE_AFTER_MS,
): boolean {
  if (release.status !== 'building') return false
  return isHeartbeatStale(release.build?.heartbeatAt ?? release.updatedAt, now, staleAfterMs)
}
