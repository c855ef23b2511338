import { describe, expect, it } from 'vitest'

import { addStage, emptyTotals } from '../../scripts/test-totals.mjs'

describe('npm test summary', () => {
  it('should count a failed check without test counts as a failure', () => {
    const totals = addStage(addStage(emptyTotals(), { ok: true }), { ok: false })
    expect(totals).toEqual({ passed: 1, failed: 1, skipped: 0 })
  })

  it('should count a test stage that failed without writing a report as a failure', () => {
    expect(addStage(emptyTotals(), { ok: false, report: null })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    })
  })

  it('should count a suite that failed to load, with no failed tests, as a failure', () => {
    const report = { numPassedTests: 12, numFailedTests: 0, numPendingTests: 2 }
    expect(addStage(emptyTotals(), { ok: false, report })).toEqual({
      passed: 12,
      failed: 1,
      skipped: 2,
    })
  })

  it('should add the tests of a passing stage as they were reported', () => {
    const report = { numPassedTests: 5, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1 }
    expect(addStage(emptyTotals(), { ok: true, report })).toEqual({
      passed: 5,
      failed: 0,
      skipped: 2,
    })
  })

  it('should add a skipped stage that passed without a report as nothing', () => {
    expect(addStage(emptyTotals(), { ok: true, report: null })).toEqual(emptyTotals())
  })
})
