import { describe, expect, it } from 'vitest'

import {
  DEFAULT_BUSY_TIMEOUT_MS,
  perConnectionPragmas,
  sqliteSettings,
} from '../../src/domain/config/sqliteSettings'

describe('sqliteSettings', () => {
  it('should wait 5 s for a busy database by default and take SQLITE_BUSY_TIMEOUT_MS', () => {
    expect(sqliteSettings({})).toEqual({
      busyTimeoutMs: DEFAULT_BUSY_TIMEOUT_MS,
      synchronous: 'NORMAL',
    })
    expect(DEFAULT_BUSY_TIMEOUT_MS).toBe(5000)
    expect(sqliteSettings({ SQLITE_BUSY_TIMEOUT_MS: '250' }).busyTimeoutMs).toBe(250)
  })

  it('should keep the default for a value that is not a positive whole number', () => {
    for (const value of ['', '0', '-5', '1.5', 'soon'])
      expect(sqliteSettings({ SQLITE_BUSY_TIMEOUT_MS: value }).busyTimeoutMs).toBe(5000)
  })

  it('should give each connection its busy timeout and synchronous setting', () => {
    expect(perConnectionPragmas({ busyTimeoutMs: 250, synchronous: 'NORMAL' })).toEqual([
      'PRAGMA busy_timeout = 250',
      'PRAGMA synchronous = NORMAL',
    ])
  })
})
