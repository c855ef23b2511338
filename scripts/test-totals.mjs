// How `npm test` adds up its stages into one summary line. Every failed stage counts as a
// failure, whatever it printed: a stage that dies before reporting tests must never leave the
// summary saying `0 failed`.

/** @typedef {{ passed: number, failed: number, skipped: number }} Totals */

/** @returns {Totals} */
export const emptyTotals = () => ({ passed: 0, failed: 0, skipped: 0 })

/**
 * Adds one stage. `report` is vitest's JSON report for test stages (null when the stage wrote
 * none), undefined for checks without test counts (types, lint, generated files), which count
 * as one test each.
 * @param {Totals} totals
 * @param {{ ok: boolean, report?: { numPassedTests?: number, numFailedTests?: number, numPendingTests?: number, numTodoTests?: number } | null }} stage
 * @returns {Totals}
 */
export function addStage(totals, { ok, report }) {
  if (report === undefined || report === null) {
    return ok
      ? { ...totals, passed: totals.passed + (report === null ? 0 : 1) }
      : { ...totals, failed: totals.failed + 1 }
  }
  const failed = report.numFailedTests ?? 0
  return {
    passed: totals.passed + (report.numPassedTests ?? 0),
    // A suite that failed to load has no failed tests but must still count as a failure.
    failed: totals.failed + failed + (!ok && failed === 0 ? 1 : 0),
    skipped: totals.skipped + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}
