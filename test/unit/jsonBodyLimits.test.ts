import { describe, expect, it } from 'vitest'

import {
  DEFAULT_JSON_BODY_LIMIT_BYTES,
  DEFAULT_JSON_MAX_DEPTH,
  describeBytes,
  jsonBodyLimits,
  parseByteSize,
} from '../../src/domain/config/jsonBodyLimits'

describe('jsonBodyLimits', () => {
  it('should allow 1 MiB and 100 levels by default', () => {
    expect(jsonBodyLimits({})).toEqual({ maxBytes: 1024 * 1024, maxDepth: 100 })
    expect(DEFAULT_JSON_BODY_LIMIT_BYTES).toBe(1_048_576)
    expect(DEFAULT_JSON_MAX_DEPTH).toBe(100)
  })

  it('should take JSON_BODY_LIMIT in bytes or binary units, and JSON_MAX_DEPTH', () => {
    expect(jsonBodyLimits({ JSON_BODY_LIMIT: '2MiB', JSON_MAX_DEPTH: '32' })).toEqual({
      maxBytes: 2 * 1024 * 1024,
      maxDepth: 32,
    })
    expect(parseByteSize('65536')).toBe(65536)
    expect(parseByteSize('512 KiB')).toBe(512 * 1024)
    expect(parseByteSize('512kb')).toBe(512 * 1024)
    expect(parseByteSize('3m')).toBe(3 * 1024 * 1024)
  })

  it('should keep the defaults for values that are not a positive size or whole number', () => {
    for (const value of ['', '0', '-1', '1.5MiB', 'lots', '2GB', '99999999999999999MiB'])
      expect(jsonBodyLimits({ JSON_BODY_LIMIT: value }).maxBytes, value).toBe(1024 * 1024)
    for (const value of ['', '0', '-3', '2.5', 'deep'])
      expect(jsonBodyLimits({ JSON_MAX_DEPTH: value }).maxDepth, value).toBe(100)
  })

  it('should describe sizes the way the limit was likely set', () => {
    expect(describeBytes(1024 * 1024)).toBe('1 MiB')
    expect(describeBytes(512 * 1024)).toBe('512 KiB')
    expect(describeBytes(1000)).toBe('1000 bytes')
  })
})
