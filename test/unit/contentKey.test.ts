import { describe, expect, it } from 'vitest'

import { contentKey, PIPELINE_VERSION } from '../../src/domain/media/contentKey'

describe('contentKey', () => {
  it('should return 64 lowercase hex characters', () => {
    expect(contentKey('voice', { source: 'abc' })).toMatch(/^[0-9a-f]{64}$/)
  })

  it('should return the same key for the same inputs across calls', () => {
    const parts = { source: 'abc', renditions: [{ label: '720p', height: 720 }], kbps: 96 }
    const first = contentKey('animation', parts)
    expect(contentKey('animation', parts)).toBe(first)
    expect(contentKey('animation', structuredClone(parts))).toBe(first)
  })

  it('should be versioned by a numeric pipeline version', () => {
    expect(Number.isInteger(PIPELINE_VERSION)).toBe(true)
  })

  it('should ignore the key order of top-level properties', () => {
    expect(contentKey('voice', { source: 'abc', kbps: 96, loudness: -16 })).toBe(
      contentKey('voice', { loudness: -16, kbps: 96, source: 'abc' }),
    )
  })

  it('should ignore the key order of nested objects, including objects inside arrays', () => {
    expect(
      contentKey('hls', {
        settings: { segmentSeconds: 4, codec: 'h264' },
        accents: [{ tag: 'en-GB', voice: 'v1', isDefault: true }],
      }),
    ).toBe(
      contentKey('hls', {
        accents: [{ isDefault: true, voice: 'v1', tag: 'en-GB' }],
        settings: { codec: 'h264', segmentSeconds: 4 },
      }),
    )
  })

  it('should give a different key for a different kind', () => {
    expect(contentKey('voice', { source: 'abc' })).not.toBe(
      contentKey('animation', { source: 'abc' }),
    )
  })

  it('should give a different key for a different value', () => {
    expect(contentKey('voice', { source: 'abc' })).not.toBe(contentKey('voice', { source: 'abd' }))
  })

  it('should distinguish a number from the same digits as a string', () => {
    expect(contentKey('voice', { kbps: 96 })).not.toBe(contentKey('voice', { kbps: '96' }))
  })

  it('should give a different key for a different nested value', () => {
    expect(contentKey('hls', { accents: [{ tag: 'en-GB' }] })).not.toBe(
      contentKey('hls', { accents: [{ tag: 'en-US' }] }),
    )
  })

  it('should give a different key when array items are in a different order', () => {
    expect(contentKey('hls', { accents: ['en-GB', 'en-US'] })).not.toBe(
      contentKey('hls', { accents: ['en-US', 'en-GB'] }),
    )
  })

  it('should give a different key when nested array items are in a different order', () => {
    expect(contentKey('hls', { accents: [{ tag: 'a', voices: ['x', 'y'] }] })).not.toBe(
      contentKey('hls', { accents: [{ tag: 'a', voices: ['y', 'x'] }] }),
    )
  })

  it('should treat an undefined top-level property as absent', () => {
    expect(contentKey('voice', { source: 'abc', label: undefined })).toBe(
      contentKey('voice', { source: 'abc' }),
    )
  })

  it('should treat an undefined nested property as absent', () => {
    expect(contentKey('hls', { captions: [{ locale: 'en-GB', label: undefined }] })).toBe(
      contentKey('hls', { captions: [{ locale: 'en-GB' }] }),
    )
  })

  it('should not treat a null property as absent', () => {
    expect(contentKey('voice', { source: 'abc', label: null })).not.toBe(
      contentKey('voice', { source: 'abc' }),
    )
  })

  it('should give a different key for an extra property', () => {
    expect(contentKey('voice', { source: 'abc', kbps: 96 })).not.toBe(
      contentKey('voice', { source: 'abc' }),
    )
  })
})
