import { describe, expect, it } from 'vitest'

import { mpegtsTicks, withTimestampMap } from '../../src/domain/captions/timestampMap'

const VTT = 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nHello.\n'

describe('withTimestampMap', () => {
  it('should put the map in the header, right after WEBVTT', () => {
    expect(withTimestampMap(VTT, 126_000)).toBe(
      'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n00:00:00.500 --> 00:00:02.000\nHello.\n',
    )
  })

  it('should keep other header lines, the byte order mark and CRLF line endings', () => {
    const vtt =
      '\uFEFFWEBVTT - captions\r\nKind: captions\r\n\r\n1\r\n00:00.000 --> 00:01.000\r\nHi\r\n'
    expect(withTimestampMap(vtt, 0)).toBe(
      '\uFEFFWEBVTT - captions\r\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\r\nKind: captions\r\n\r\n1\r\n00:00.000 --> 00:01.000\r\nHi\r\n',
    )
  })

  it('should replace a map that is already there, not add a second', () => {
    const once = withTimestampMap(VTT, 900_000)
    const twice = withTimestampMap(once, 126_000)
    expect(twice.match(/X-TIMESTAMP-MAP/g)).toHaveLength(1)
    expect(twice).toContain('MPEGTS:126000,')
  })

  it('should add a header to a file that is only a header', () => {
    expect(withTimestampMap('WEBVTT', 90)).toBe(
      'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:90,LOCAL:00:00:00.000',
    )
  })

  it('should refuse what is not WebVTT, and timestamps that are not whole and positive', () => {
    expect(() => withTimestampMap('1\n00:00.000 --> 00:01.000\nHi\n', 0)).toThrow(/WEBVTT/)
    expect(() => withTimestampMap(VTT, -1)).toThrow(RangeError)
    expect(() => withTimestampMap(VTT, 1.5)).toThrow(RangeError)
  })
})

describe('mpegtsTicks', () => {
  it('should count the 90 kHz clock, rounded', () => {
    expect(mpegtsTicks(1.4)).toBe(126_000)
    expect(mpegtsTicks(0)).toBe(0)
    expect(mpegtsTicks(1.0000001)).toBe(90_000)
    expect(() => mpegtsTicks(Number.NaN)).toThrow(RangeError)
  })
})
