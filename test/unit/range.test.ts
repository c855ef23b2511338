import { describe, expect, it } from 'vitest'

import { contentTypeFor, parseRange } from '../../src/domain/http/range'

describe('parseRange', () => {
  it.each([null, undefined, ''])('should serve the whole file when the header is %j', (header) => {
    expect(parseRange(header, 1000)).toEqual({ kind: 'full' })
  })

  it('should return the first 100 bytes for bytes=0-99', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 })
  })

  it('should return a single byte for bytes=5-5', () => {
    expect(parseRange('bytes=5-5', 1000)).toEqual({ kind: 'partial', start: 5, end: 5 })
  })

  it('should run an open-ended range to the last byte', () => {
    expect(parseRange('bytes=900-', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 })
  })

  it('should return the last 100 bytes for the suffix range bytes=-100', () => {
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 })
  })

  it('should return the whole file as a range when the suffix is larger than the file', () => {
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 })
  })

  it('should clamp an end past the file to the last byte', () => {
    expect(parseRange('bytes=500-5000', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 })
  })

  it('should accept surrounding whitespace', () => {
    expect(parseRange('  bytes=0-99  ', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 })
  })

  it.each(['bytes=1000-', 'bytes=1000-1100', 'bytes=2000-'])(
    'should reject %s on a 1000-byte file as unsatisfiable',
    (header) => {
      expect(parseRange(header, 1000)).toEqual({ kind: 'unsatisfiable' })
    },
  )

  it('should reject the empty suffix bytes=-0 as unsatisfiable', () => {
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' })
  })

  it.each(['bytes=0-99', 'bytes=0-', 'bytes=-100'])(
    'should reject %s on an empty file as unsatisfiable',
    (header) => {
      expect(parseRange(header, 0)).toEqual({ kind: 'unsatisfiable' })
    },
  )

  it.each(['items=0-1', 'bytes=a-b', 'bytes=0-1,5-6', 'bytes=-', 'bytes 0-1', 'bytes=1.5-2'])(
    'should serve the whole file for the malformed or multi-range header %j',
    (header) => {
      expect(parseRange(header, 1000)).toEqual({ kind: 'full' })
    },
  )
})

describe('contentTypeFor', () => {
  it.each([
    ['clip.mp4', 'video/mp4'],
    ['voice.m4a', 'audio/mp4'],
    ['index.m3u8', 'application/vnd.apple.mpegurl'],
    ['seg_000.ts', 'video/mp2t'],
    ['captions.vtt', 'text/vtt; charset=utf-8'],
    ['poster.jpg', 'image/jpeg'],
    ['manifest.json', 'application/json'],
    ['toolkit.zip', 'application/zip'],
  ])('should map %s to %s', (fileName, type) => {
    expect(contentTypeFor(fileName)).toBe(type)
  })

  it('should match the extension case-insensitively', () => {
    expect(contentTypeFor('CLIP.MP4')).toBe('video/mp4')
    expect(contentTypeFor('Index.M3u8')).toBe('application/vnd.apple.mpegurl')
  })

  it('should use only the last extension', () => {
    expect(contentTypeFor('archive.json.zip')).toBe('application/zip')
    expect(contentTypeFor('clip.mp4.exe')).toBeNull()
  })

  it.each(['photo.png', 'page.html', 'photo.jpeg', 'README', '', 'trailing.'])(
    'should return null for %j',
    (fileName) => {
      expect(contentTypeFor(fileName)).toBeNull()
    },
  )

  it('should look at the extension of a path, not of its folder', () => {
    expect(contentTypeFor('derived/abc.mp4/index.m3u8')).toBe('application/vnd.apple.mpegurl')
    expect(contentTypeFor('derived/v1.0/README')).toBeNull()
  })
})
