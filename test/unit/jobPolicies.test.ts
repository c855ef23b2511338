import { describe, expect, it } from 'vitest'

import { heartbeatEveryMs, isHeartbeatStale, secondsSetting } from '../../src/domain/jobs/heartbeat'
import { retryDelayMs } from '../../src/domain/jobs/retry'
import { isTransientDatabaseError } from '../../src/domain/jobs/transientDatabaseError'
import { workerSettings } from '../../src/domain/jobs/workerSettings'

describe('heartbeats', () => {
  const now = new Date('2026-12-02T10:00:00.000Z')

  it('should call a heartbeat stale only once it is older than the limit', () => {
    expect(isHeartbeatStale('2026-12-02T09:59:00.000Z', now, 59_000)).toBe(true)
    expect(isHeartbeatStale('2026-12-02T09:59:00.000Z', now, 60_000)).toBe(false)
    expect(isHeartbeatStale('not a time', now, 60_000)).toBe(true)
  })

  it('should beat four times per stale period, between 250 ms and 5 s', () => {
    expect(heartbeatEveryMs(2_000)).toBe(500)
    expect(heartbeatEveryMs(200)).toBe(250)
    expect(heartbeatEveryMs(120_000)).toBe(5_000)
  })

  it('should read a number of seconds from the environment or keep the default', () => {
    expect(secondsSetting('2', 60_000)).toBe(2_000)
    expect(secondsSetting('0.5', 60_000)).toBe(500)
    for (const value of [undefined, '', '0', '-1', 'later'])
      expect(secondsSetting(value, 60_000)).toBe(60_000)
  })
})

describe('retryDelayMs', () => {
  it('should double from 500 ms and stop at 30 s', () => {
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([0, 500, 1000, 2000, 4000])
    expect(retryDelayMs(50)).toBe(30_000)
    expect(retryDelayMs(3, { baseMs: 100, maxMs: 250 })).toBe(250)
  })
})

describe('isTransientDatabaseError', () => {
  const libsqlBusy = Object.assign(new Error('SQLITE_BUSY: database is locked'), {
    code: 'SQLITE_BUSY',
  })

  it('should recognise SQLITE_BUSY and SQLITE_LOCKED, with extended codes', () => {
    expect(isTransientDatabaseError(libsqlBusy)).toBe(true)
    expect(isTransientDatabaseError({ code: 'SQLITE_BUSY_SNAPSHOT', message: '' })).toBe(true)
    expect(isTransientDatabaseError({ code: 'SQLITE_LOCKED', message: '' })).toBe(true)
  })

  it('should find it inside the errors Drizzle and Payload wrap it in', () => {
    const drizzle = new Error('Failed query: update "payload_jobs" set ...', { cause: libsqlBusy })
    const payload = new Error('Something went wrong.', { cause: drizzle })
    expect(isTransientDatabaseError(payload)).toBe(true)
    expect(isTransientDatabaseError(new Error('database is locked'))).toBe(true)
  })

  it('should not retry errors that will not go away', () => {
    expect(isTransientDatabaseError(new Error('no such table: clips'))).toBe(false)
    expect(isTransientDatabaseError({ code: 'SQLITE_CONSTRAINT', message: 'UNIQUE' })).toBe(false)
    expect(isTransientDatabaseError(null)).toBe(false)
  })
})

describe('workerSettings', () => {
  it('should run 2 jobs at a time, poll every 5 s and give stopping jobs 8 s by default', () => {
    expect(workerSettings({})).toEqual({ batch: 2, intervalMs: 5_000, stopGraceMs: 8_000 })
  })

  it('should take the environment and ignore values that make no sense', () => {
    expect(
      workerSettings({
        WORKER_BATCH: '4',
        WORKER_INTERVAL_MS: '250',
        JOBS_STOP_GRACE_SECONDS: '30',
      }),
    ).toEqual({ batch: 4, intervalMs: 250, stopGraceMs: 30_000 })
    expect(
      workerSettings({ WORKER_BATCH: '0', WORKER_INTERVAL_MS: '-1', JOBS_STOP_GRACE_SECONDS: 'x' }),
    ).toEqual({ batch: 2, intervalMs: 5_000, stopGraceMs: 8_000 })
  })
})
