import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/**
 * Writes every dirty page to disk (`sync`) before a timed step, so the step does not pay for
 * writes an earlier step left behind (rendered media, the previous build's bundles). Returns
 * how long the flush took.
 */
export function flushDisk(): number {
  const started = performance.now()
  spawnSync('sync')
  return performance.now() - started
}
