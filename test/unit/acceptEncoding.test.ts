import { describe, expect, it } from 'vitest'

import { acceptsGzip } from '../../src/domain/http/acceptEncoding'

describe('whether a client accepts gzip', () => {
  it('should read the codings and qualities a client lists', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true)
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('x-gzip')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip('br')).toBe(false)
    expect(acceptsGzip('')).toBe(false)
    expect(acceptsGzip(null)).toBe(false)
  })

  it('should honour a refusal, explicit or by wildcard, and ignore a quality that is no number', () => {
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('*, gzip;q=0')).toBe(false)
    expect(acceptsGzip('*;q=0')).toBe(false)
    expect(acceptsGzip('gzip;q=abc')).toBe(false)
    expect(acceptsGzip('gzip;q=0.001')).toBe(true)
  })
})
