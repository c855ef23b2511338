import { describe, expect, it } from 'vitest'

import { buildMultivariantPlaylist } from '../../src/domain/media/hlsPlaylist'
import {
  assetContentType,
  hlsMime,
  playlistUris,
  rewritePlaylistUris,
  selectRenditions,
} from '../../src/domain/releases/hlsForRelease'

const master = buildMultivariantPlaylist({
  variants: [
    {
      uri: 'video-720p/index.m3u8',
      bandwidth: 2_000_000,
      width: 1280,
      height: 720,
      codecs: 'avc1.64001f,mp4a.40.2',
    },
    {
      uri: 'video-360p/index.m3u8',
      bandwidth: 600_000,
      width: 640,
      height: 360,
      codecs: 'avc1.64001e,mp4a.40.2',
    },
  ],
  audio: [
    { uri: 'audio-0/index.m3u8', name: 'Geordie', language: 'en-GB-x-geordie', isDefault: true },
    { uri: 'audio-1/index.m3u8', name: 'Scouse', language: 'en-GB-x-scouse', isDefault: false },
  ],
  subtitles: [
    { uri: 'subtitles-0/index.m3u8', name: 'English', language: 'en-GB', isDefault: false },
    { uri: 'subtitles-1/index.m3u8', name: 'Cymraeg', language: 'cy', isDefault: false },
  ],
})

const media = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:4
#EXT-X-PLAYLIST-TYPE:VOD
#EXTINF:4.000000,
segment-000.ts
#EXTINF:1.500000,
segment-001.ts
#EXT-X-ENDLIST
`

describe('HLS playlists in a release', () => {
  it('should list every file a playlist names, URI attributes and URI lines alike', () => {
    expect(playlistUris(master)).toEqual([
      'audio-0/index.m3u8',
      'audio-1/index.m3u8',
      'subtitles-0/index.m3u8',
      'subtitles-1/index.m3u8',
      'video-720p/index.m3u8',
      'video-360p/index.m3u8',
    ])
    expect(playlistUris(media)).toEqual(['segment-000.ts', 'segment-001.ts'])
  })

  it('should rewrite every URI and keep everything else byte for byte', () => {
    const rewritten = rewritePlaylistUris(media, (uri) => uri.replace('segment-', 'sha-'))
    expect(rewritten).toBe(media.replaceAll('segment-', 'sha-'))
    const masterRewritten = rewritePlaylistUris(master, (uri) => `h${uri.length}`)
    expect(playlistUris(masterRewritten)).toEqual(playlistUris(master).map((u) => `h${u.length}`))
    expect(masterRewritten.split('\n').length).toBe(master.split('\n').length)
  })

  it('should refuse a playlist naming a file outside the package', () => {
    expect(() => rewritePlaylistUris(media, () => '')).toThrow('segment-000.ts')
  })

  it("should keep only the release's accents and locale", () => {
    const selected = selectRenditions(master, {
      audioLanguages: ['en-GB-x-scouse'],
      subtitleLanguages: ['cy'],
    })
    expect(playlistUris(selected)).toEqual([
      'audio-1/index.m3u8',
      'subtitles-1/index.m3u8',
      'video-720p/index.m3u8',
      'video-360p/index.m3u8',
    ])
    // The Geordie default went with it, so Scouse becomes the default.
    expect(selected).toMatch(/TYPE=AUDIO,[^\n]*NAME="Scouse"[^\n]*DEFAULT=YES/)
    expect(selected.match(/DEFAULT=YES/g)).toHaveLength(1)
  })

  it('should stop naming a group that no rendition is left in', () => {
    const selected = selectRenditions(master, {
      audioLanguages: ['en-GB-x-geordie', 'en-GB-x-scouse'],
      subtitleLanguages: ['fr'],
    })
    expect(selected).not.toContain('TYPE=SUBTITLES')
    expect(selected).not.toContain('SUBTITLES="subs"')
    expect(selected).toContain('AUDIO="audio"')
  })

  it('should know the types of the files a package holds and refuse others', () => {
    expect(hlsMime('a/index.m3u8')).toBe('application/vnd.apple.mpegurl')
    expect(hlsMime('segment-001.ts')).toBe('video/mp2t')
    expect(hlsMime('captions.vtt')).toBe('text/vtt')
    expect(() => hlsMime('notes.txt')).toThrow('notes.txt')
  })
})

describe('assetContentType', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))
  it('should type playlists, captions, segments and media, and nothing else', () => {
    expect(assetContentType(bytes('#EXTM3U\n#EXT-X-VERSION:6\n'))).toBe(
      'application/vnd.apple.mpegurl',
    )
    expect(assetContentType(bytes('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'))).toBe('text/vtt')
    const ts = new Uint8Array(188 * 3)
    for (let i = 0; i < 3; i++) ts[i * 188] = 0x47
    expect(assetContentType(ts)).toBe('video/mp2t')
    expect(assetContentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg')
    expect(assetContentType(bytes('just some words'))).toBe('application/octet-stream')
    expect(assetContentType(new Uint8Array())).toBe('application/octet-stream')
  })
})
