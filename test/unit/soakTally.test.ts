import { describe, expect, it } from 'vitest'

import {
  countLoggedErrors,
  countSqliteBusy,
  errorsByStatus,
  findLostWrites,
  percentile,
  tallyRoute,
  type Write,
} from '../../bench/helpers/soak/tally'

const title = (value: string, acknowledged = true): Write => ({
  key: 'exercises:1 title',
  value,
  acknowledged,
})

describe('findLostWrites', () => {
  it('should find nothing lost when every place holds its last acknowledged value', () => {
    const writes = [
      title('a'),
      title('b'),
      { key: 'comments:9 body', value: 'c', acknowledged: true },
    ]
    const found = new Map([
      ['exercises:1 title', 'b'],
      ['comments:9 body', 'c'],
    ])
    expect(findLostWrites(writes, found)).toEqual({ checked: 2, missing: [], mismatched: [] })
  })

  it('should report a place that kept an older value, and one that is gone', () => {
    const writes = [
      title('a'),
      title('b'),
      { key: 'comments:9 body', value: 'c', acknowledged: true },
    ]
    const found = new Map([['exercises:1 title', 'a']])
    expect(findLostWrites(writes, found)).toEqual({
      checked: 2,
      missing: ['comments:9 body'],
      mismatched: [{ key: 'exercises:1 title', expected: 'b', found: 'a' }],
    })
  })

  it('should accept a value sent after the last acknowledged one whose answer was an error', () => {
    const writes = [title('a'), title('b', false)]
    expect(findLostWrites(writes, new Map([['exercises:1 title', 'b']])).mismatched).toEqual([])
    expect(findLostWrites(writes, new Map([['exercises:1 title', 'a']])).mismatched).toEqual([])
    expect(findLostWrites(writes, new Map([['exercises:1 title', 'z']])).mismatched).toHaveLength(1)
  })

  it('should not check a place no write to which was acknowledged', () => {
    expect(findLostWrites([title('a', false)], new Map())).toEqual({
      checked: 0,
      missing: [],
      mismatched: [],
    })
  })
})

describe('route figures', () => {
  it('should take nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sorted, 50)).toBe(50)
    expect(percentile(sorted, 99)).toBe(99)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBe(0)
  })

  it('should count answers other than the expected status as errors, by status code', () => {
    const tally = tallyRoute({
      name: 'POST /api/comments',
      latenciesMs: [30, 10, 20],
      statuses: { '201': 2, '500': 1 },
      expected: [201],
      durationMs: 2000,
    })
    expect(tally).toMatchObject({ requests: 3, requestsPerSecond: 1.5, p50Ms: 20, errors: 1 })
    expect(
      errorsByStatus([
        { statuses: tally.statuses, expected: [201] },
        { statuses: { '200': 5, '500': 2, 'connection error': 1 }, expected: [200] },
      ]),
    ).toEqual({ '500': 3, 'connection error': 1 })
  })

  it('should count each log line that reports SQLITE_BUSY once', () => {
    const log = [
      '{"level":50,"msg":"SQLITE_BUSY: database is locked"}',
      'worker: batch stopped (database is locked); again in 500 ms',
      'worker: ready',
    ].join('\n')
    expect(countSqliteBusy(log)).toBe(2)
    expect(countSqliteBusy('all fine\n')).toBe(0)
  })

  it('should count the lines a pino log writes at ERROR or FATAL', () => {
    const log = [
      '[22:42:56] \u001b[32mINFO\u001b[39m: Running 1 jobs.',
      '[22:42:57] \u001b[31mERROR\u001b[39m: There was an error running job 3',
      '[22:42:58] \u001b[41mFATAL\u001b[49m: out of memory',
      '{"level":50,"msg":"no such table"}',
      '{"level":30,"msg":"ERRORS: none"}',
    ].join('\n')
    expect(countLoggedErrors(log)).toBe(3)
  })
})
