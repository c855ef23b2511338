import type { Payload } from 'payload'

import type { Id } from '../../domain/refs'
import type { BuildPhase, BuildProgress } from '../../domain/releases/buildProgress'
import { startHeartbeat } from '../jobs/heartbeat'

const HEARTBEAT_MS = 5_000
// Steps within a phase are recorded at most this often; a build stores hundreds of assets and
// a write per asset cost a fifth of the build time.
const STEP_INTERVAL_MS = 250

export interface BuildProgressReporter {
  report(phase: BuildPhase, done?: number, total?: number): Promise<void>
  /** Stops the heartbeat once every progress write has landed. */
  stop(): Promise<void>
  /** The progress to store with the published release. */
  finished(): BuildProgress
}

/**
 * Keeps a release's `build` progress current while a build runs (each phase's start and end,
 * and its steps a few times a second), and renews its heartbeat every few seconds between
 * steps so other processes can tell a slow build from a dead one. Writes go straight to the
 * database: progress is not an edit of the release, so it bypasses the hooks that refuse
 * changes to a building release and keeps the audit log to real changes.
 */
export function startBuildProgress(payload: Payload, releaseId: Id): BuildProgressReporter {
  const startedAt = new Date().toISOString()
  let state: BuildProgress = {
    phase: 'preflight',
    done: 0,
    total: 0,
    startedAt,
    heartbeatAt: startedAt,
  }
  let lastWrite = 0
  // One write at a time, in order, each with the latest state: a beat never undoes a step.
  const heartbeat = startHeartbeat({
    everyMs: HEARTBEAT_MS,
    write: () => {
      const build = { ...state, heartbeatAt: new Date().toISOString() }
      return payload.db.updateOne({
        collection: 'releases',
        id: releaseId,
        data: { build },
        returning: false,
      })
    },
    onError: (error) =>
      payload.logger.warn({ err: error, releaseId }, 'Could not record release build progress'),
  })
  return {
    report(phase, done = 0, total = 0) {
      const boundary = phase !== state.phase || done === 0 || done === total
      state = { ...state, phase, done, total }
      if (!boundary && Date.now() - lastWrite < STEP_INTERVAL_MS) return Promise.resolve()
      lastWrite = Date.now()
      return heartbeat.beat()
    },
    stop: () => heartbeat.stop(),
    finished: () => ({
      ...state,
      phase: 'done',
      done: 0,
      total: 0,
      heartbeatAt: new Date().toISOString(),
    }),
  }
}
