import { expect } from 'vitest'

import { MiB } from './cases'
import type { UploadRow } from './measure'

const SLACK = Number(process.env.BENCH_UPLOAD_SLACK_MIB ?? 64) * MiB
const KEPT = Number(process.env.BENCH_UPLOAD_KEPT_MIB ?? 2) * MiB

/** Every upload got its expected status. */
export function expectStatuses(rows: UploadRow[]) {
  for (const row of rows) {
    expect(row.answer.status, `${row.name}: ${row.answer.body.slice(0, 300)}`).toBe(row.expected)
  }
}

/**
 * Peaks within SLACK of the small upload's (the first row), nothing kept after a GC beyond KEPT,
 * and the anonymous client (the second row) answered before its file was read: it sent almost
 * nothing.
 */
export function expectFlatMemory(rows: UploadRow[]) {
  const small = rows[0].delta
  for (const row of rows.slice(1)) {
    expect(row.delta.rss, `${row.name}: peak RSS`).toBeLessThanOrEqual(
      Math.max(small.rss, 0) + SLACK,
    )
    expect(row.delta.arrayBuffers, `${row.name}: peak ArrayBuffers`).toBeLessThanOrEqual(
      Math.max(small.arrayBuffers, 0) + SLACK,
    )
    expect(row.retained.arrayBuffers, `${row.name}: ArrayBuffers kept`).toBeLessThan(KEPT)
    expect(row.retained.heapUsed, `${row.name}: heap kept`).toBeLessThan(KEPT)
  }
  expect(rows[1].answer.sent).toBeLessThan(64 * MiB)
}
