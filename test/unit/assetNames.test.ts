import { describe, expect, it } from 'vitest'

import {
  ASSET_EXTENSIONS,
  assetExtensionProblem,
  assetFileName,
  parseAssetName,
} from '../../src/domain/releases/assetNames'

const sha = 'ab'.repeat(32)

describe('parseAssetName', () => {
  it('should read a bare sha256, as apps in the field ask for it', () => {
    expect(parseAssetName(sha)).toEqual({ sha256: sha, extension: null })
  })

  it.each(['m3u8', 'ts', 'vtt', 'm4a', 'mp4', 'jpg', 'pdf'])(
    'should read a sha256 with the .%s extension',
    (extension) => {
      expect(parseAssetName(`${sha}.${extension}`)).toEqual({ sha256: sha, extension })
    },
  )

  it.each([
    [`${sha}.exe`, /"\.exe" is not an asset extension: use one of m3u8, ts/],
    [`${sha}.M3U8`, /is not an asset name/],
    [`${sha}.m3u8.m3u8`, /is not an asset name/],
    [`${sha}.`, /is not an asset name/],
    [`${sha.toUpperCase()}.mp4`, /64 lower-case hex digits/],
    [`${sha.slice(2)}.mp4`, /is not an asset name/],
    ['', /is not an asset name/],
    [`../${sha}`, /is not an asset name/],
  ])('should refuse %s, saying what to send', (name, why) => {
    const parsed = parseAssetName(name)
    expect(parsed).toEqual({ problem: expect.stringMatching(why) })
  })
})

describe('assetExtensionProblem', () => {
  it('should accept no extension, or the one extension of the type', () => {
    expect(assetExtensionProblem({ sha256: sha, extension: null, mime: 'text/vtt' })).toBeNull()
    expect(assetExtensionProblem({ sha256: sha, extension: 'vtt', mime: 'text/vtt' })).toBeNull()
    expect(assetExtensionProblem({ sha256: sha, extension: 'm4a', mime: 'audio/mp4' })).toBeNull()
  })

  it('should name the right extension when another is asked for', () => {
    expect(assetExtensionProblem({ sha256: sha, extension: 'mp4', mime: 'audio/mp4' })).toBe(
      `Asset ${sha} is audio/mp4: fetch it as ${sha}.m4a, not .mp4.`,
    )
    expect(assetExtensionProblem({ sha256: sha, extension: 'ts', mime: 'text/vtt' })).toMatch(
      /\.vtt, not \.ts/,
    )
  })

  it('should refuse any extension for a type without one', () => {
    expect(
      assetExtensionProblem({ sha256: sha, extension: 'mp4', mime: 'application/octet-stream' }),
    ).toBe(`Asset ${sha} is application/octet-stream, which has no extension: fetch it as ${sha}.`)
  })
})

describe('assetFileName', () => {
  it.each(Object.entries(ASSET_EXTENSIONS))(
    'should name a .%s file so that the delivery API serves it under that name',
    (extension, mime) => {
      const name = assetFileName(sha, mime)
      expect(name).toBe(`${sha}.${extension}`)
      expect(parseAssetName(name)).toEqual({ sha256: sha, extension })
      expect(assetExtensionProblem({ sha256: sha, extension, mime })).toBeNull()
    },
  )

  it('should leave the sha256 bare for a type with no extension', () => {
    expect(assetFileName(sha, 'application/octet-stream')).toBe(sha)
  })
})
