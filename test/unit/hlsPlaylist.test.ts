import { type Manifest, Parser } from 'm3u8-parser'
import { describe, expect, it } from 'vitest'

import {
  buildMultivariantPlaylist,
  buildSubtitlePlaylist,
  type HlsAudioRendition,
  type HlsSubtitleRendition,
  type HlsVideoVariant,
} from '../../src/domain/media/hlsPlaylist'

/** Parses with m3u8-parser, failing on anything it warns about. */
function parse(text: string): Manifest {
  const parser = new Parser()
  const warnings: string[] = []
  parser.on('warn', ({ message }) => warnings.push(message))
  parser.on('error', ({ message }) => warnings.push(message))
  parser.push(text)
  parser.end()
  expect(warnings).toEqual([])
  return parser.manifest
}

const hd: HlsVideoVariant = {
  uri: '720p/index.m3u8',
  bandwidth: 3_000_000,
  averageBandwidth: 2_500_000,
  width: 1280,
  height: 720,
  frameRate: 25,
  codecs: 'avc1.64001f,mp4a.40.2',
}
const sd: HlsVideoVariant = {
  uri: '360p/index.m3u8',
  bandwidth: 800_000,
  averageBandwidth: 650_000,
  width: 640,
  height: 360,
  frameRate: 25,
  codecs: 'avc1.64001e,mp4a.40.2',
}
const english: HlsAudioRendition = {
  uri: 'audio/en-GB/index.m3u8',
  name: 'English',
  language: 'en-GB',
  isDefault: false,
}
const welsh: HlsAudioRendition = {
  uri: 'audio/cy/index.m3u8',
  name: 'Cymraeg',
  language: 'cy',
  isDefault: false,
}
const englishCaptions: HlsSubtitleRendition = {
  uri: 'subs/en-GB.m3u8',
  name: 'English captions',
  language: 'en-GB',
  isDefault: false,
}
const welshCaptions: HlsSubtitleRendition = {
  uri: 'subs/cy.m3u8',
  name: 'Capsiynau Cymraeg',
  language: 'cy',
  isDefault: false,
}

describe('buildMultivariantPlaylist', () => {
  it('should write the exact playlist for one variant, one voice and one caption track', () => {
    expect(
      buildMultivariantPlaylist({
        variants: [hd],
        audio: [{ ...english, isDefault: true }],
        subtitles: [englishCaptions],
      }),
    ).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:6',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="English",LANGUAGE="en-GB",DEFAULT=YES,AUTOSELECT=YES,URI="audio/en-GB/index.m3u8"',
        '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English captions",LANGUAGE="en-GB",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subs/en-GB.m3u8"',
        '#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2",AUDIO="audio",SUBTITLES="subs"',
        '720p/index.m3u8',
        '',
      ].join('\n'),
    )
  })

  it('should be read back by m3u8-parser with every variant, voice and caption track', () => {
    const manifest = parse(
      buildMultivariantPlaylist({
        variants: [hd, sd],
        audio: [english, { ...welsh, isDefault: true }],
        subtitles: [englishCaptions, welshCaptions],
      }),
    )

    expect(manifest.version).toBe(6)
    expect(manifest.independentSegments).toBe(true)
    expect(manifest.playlists?.map((p) => p.uri)).toEqual(['720p/index.m3u8', '360p/index.m3u8'])
    expect(manifest.playlists?.[1].attributes).toMatchObject({
      BANDWIDTH: 800_000,
      RESOLUTION: { width: 640, height: 360 },
      'FRAME-RATE': 25,
      CODECS: 'avc1.64001e,mp4a.40.2',
      AUDIO: 'audio',
      SUBTITLES: 'subs',
    })
    // m3u8-parser leaves AVERAGE-BANDWIDTH as the string it read.
    expect(Number(manifest.playlists?.[0].attributes['AVERAGE-BANDWIDTH'])).toBe(2_500_000)

    expect(manifest.mediaGroups?.AUDIO.audio).toEqual({
      English: {
        default: false,
        autoselect: true,
        language: 'en-GB',
        uri: 'audio/en-GB/index.m3u8',
      },
      Cymraeg: { default: true, autoselect: true, language: 'cy', uri: 'audio/cy/index.m3u8' },
    })
    expect(manifest.mediaGroups?.SUBTITLES.subs).toEqual({
      'English captions': {
        default: false,
        autoselect: true,
        forced: false,
        language: 'en-GB',
        uri: 'subs/en-GB.m3u8',
      },
      'Capsiynau Cymraeg': {
        default: false,
        autoselect: true,
        forced: false,
        language: 'cy',
        uri: 'subs/cy.m3u8',
      },
    })
  })

  it('should make the first audio rendition the default when none is flagged', () => {
    const text = buildMultivariantPlaylist({
      variants: [hd],
      audio: [english, welsh],
      subtitles: [],
    })
    expect(text).toContain('NAME="English",LANGUAGE="en-GB",DEFAULT=YES')
    expect(text).toContain('NAME="Cymraeg",LANGUAGE="cy",DEFAULT=NO')
    const audio = parse(text).mediaGroups?.AUDIO.audio ?? {}
    expect(Object.values(audio).filter((rendition) => rendition.default)).toHaveLength(1)
  })

  it('should refuse two default audio renditions', () => {
    expect(() =>
      buildMultivariantPlaylist({
        variants: [hd],
        audio: [
          { ...english, isDefault: true },
          { ...welsh, isDefault: true },
        ],
        subtitles: [],
      }),
    ).toThrow('audio: only one rendition may be the default, but audio[0] and audio[1] are.')
  })

  it('should honour a flagged default caption track and leave the rest off', () => {
    const text = buildMultivariantPlaylist({
      variants: [hd],
      audio: [english],
      subtitles: [englishCaptions, { ...welshCaptions, isDefault: true }],
    })
    expect(parse(text).mediaGroups?.SUBTITLES.subs).toMatchObject({
      'English captions': { default: false },
      'Capsiynau Cymraeg': { default: true, autoselect: true },
    })
  })

  it('should refuse two default caption tracks', () => {
    expect(() =>
      buildMultivariantPlaylist({
        variants: [hd],
        audio: [],
        subtitles: [
          { ...englishCaptions, isDefault: true },
          { ...welshCaptions, isDefault: true },
        ],
      }),
    ).toThrow(/^subtitles: only one rendition may be the default/)
  })

  it('should leave out AUDIO and SUBTITLES when there are no such renditions', () => {
    const text = buildMultivariantPlaylist({ variants: [hd], audio: [], subtitles: [] })
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:6',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2"',
        '720p/index.m3u8',
        '',
      ].join('\n'),
    )
    expect(parse(text).playlists).toHaveLength(1)
  })

  it('should leave out optional attributes that were not given', () => {
    const text = buildMultivariantPlaylist({
      variants: [{ uri: 'v.m3u8', bandwidth: 1, width: 2, height: 2, codecs: 'avc1.42e00a' }],
      audio: [{ ...english, language: '' }],
      subtitles: [],
    })
    expect(text).toContain(
      '#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=2x2,CODECS="avc1.42e00a",AUDIO="audio"\nv.m3u8\n',
    )
    expect(text).toContain('NAME="English",DEFAULT=YES')
  })

  it('should write fractional frame rates with three decimals', () => {
    const text = buildMultivariantPlaylist({
      variants: [{ ...hd, frameRate: 30000 / 1001 }],
      audio: [],
      subtitles: [],
    })
    expect(text).toContain('FRAME-RATE=29.970,')
  })

  it.each([
    ['audio[0].name', { audio: [{ ...english, name: 'English "UK"' }] }],
    ['audio[0].language', { audio: [{ ...english, language: 'en"' }] }],
    ['audio[0].uri', { audio: [{ ...english, uri: 'a"b.m3u8' }] }],
    [
      'subtitles[1].name',
      { subtitles: [englishCaptions, { ...welshCaptions, name: 'Cy\nmraeg' }] },
    ],
    ['subtitles[0].uri', { subtitles: [{ ...englishCaptions, uri: 'subs.m3u8\r' }] }],
    ['variants[0].codecs', { variants: [{ ...hd, codecs: 'avc1.64001f",mp4a.40.2' }] }],
  ])('should refuse a double quote or line break in %s', (field, override) => {
    expect(() =>
      buildMultivariantPlaylist({ variants: [hd], audio: [], subtitles: [], ...override }),
    ).toThrow(`${field} contains a double quote or line break`)
  })

  it.each([
    ['variants[0].uri', { variants: [{ ...hd, uri: '720p.m3u8\n#EXT-X-ENDLIST' }] }, 'line break'],
    ['variants[0].uri', { variants: [{ ...hd, uri: '#720p.m3u8' }] }, 'must not start with "#"'],
    ['variants[0].uri', { variants: [{ ...hd, uri: ' 720p.m3u8' }] }, 'surrounding spaces'],
    ['variants[0].uri', { variants: [{ ...hd, uri: '' }] }, 'must not be empty'],
    ['audio[0].name', { audio: [{ ...english, name: ' ' }] }, 'must not be empty'],
    ['audio[0].uri', { audio: [{ ...english, uri: '' }] }, 'must not be empty'],
    ['variants[0].codecs', { variants: [{ ...hd, codecs: '' }] }, 'must not be empty'],
  ])('should refuse a bad %s (%#)', (field, override, problem) => {
    expect(() =>
      buildMultivariantPlaylist({ variants: [hd], audio: [], subtitles: [], ...override }),
    ).toThrow(new RegExp(`^${escapeRegExp(field)} .*${escapeRegExp(problem)}`))
  })

  it('should need at least one variant', () => {
    expect(() =>
      buildMultivariantPlaylist({ variants: [], audio: [english], subtitles: [] }),
    ).toThrow('variants: at least one video variant is needed.')
  })

  it.each([
    ['bandwidth', 0],
    ['bandwidth', -1],
    ['bandwidth', 1.5],
    ['bandwidth', Number.NaN],
    ['averageBandwidth', 0],
    ['averageBandwidth', 2.5],
    ['width', 0],
    ['height', 719.5],
  ])('should refuse %s %s', (key, value) => {
    expect(() =>
      buildMultivariantPlaylist({
        variants: [sd, { ...hd, [key]: value }],
        audio: [],
        subtitles: [],
      }),
    ).toThrow(`variants[1].${key} must be a positive whole number, not ${value}.`)
  })

  it.each([0, -25, Number.POSITIVE_INFINITY])('should refuse frame rate %s', (frameRate) => {
    expect(() =>
      buildMultivariantPlaylist({ variants: [{ ...hd, frameRate }], audio: [], subtitles: [] }),
    ).toThrow(`variants[0].frameRate must be a positive number, not ${frameRate}.`)
  })

  it('should refuse two renditions with the same name in a group', () => {
    expect(() =>
      buildMultivariantPlaylist({
        variants: [hd],
        audio: [english, { ...welsh, name: 'English' }],
        subtitles: [],
      }),
    ).toThrow('audio[1].name "English" is already used by audio[0]; names in a group must differ.')
  })

  it('should allow the same name in the audio and subtitle groups', () => {
    expect(() =>
      buildMultivariantPlaylist({
        variants: [hd],
        audio: [english],
        subtitles: [{ ...englishCaptions, name: 'English' }],
      }),
    ).not.toThrow()
  })
})

describe('buildSubtitlePlaylist', () => {
  it('should wrap one WebVTT file in a VOD media playlist', () => {
    expect(buildSubtitlePlaylist({ uri: 'en-GB.vtt', durationSeconds: 12.3456 })).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:13',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXTINF:12.346,',
        'en-GB.vtt',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    )
  })

  it('should be read back by m3u8-parser as one segment of the full duration', () => {
    const manifest = parse(buildSubtitlePlaylist({ uri: 'cy.vtt', durationSeconds: 95.2 }))
    expect(manifest.targetDuration).toBe(96)
    expect(manifest.playlistType).toBe('VOD')
    expect(manifest.endList).toBe(true)
    expect(manifest.segments).toEqual([{ duration: 95.2, uri: 'cy.vtt', timeline: 0 }])
  })

  it.each([
    [10, 10],
    [10.0001, 10],
    [10.001, 11],
    [0.2, 1],
  ])('should set a %s s file target duration to %i', (durationSeconds, target) => {
    expect(buildSubtitlePlaylist({ uri: 'a.vtt', durationSeconds })).toContain(
      `#EXT-X-TARGETDURATION:${target}\n`,
    )
  })

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('should refuse duration %s', (d) => {
    expect(() => buildSubtitlePlaylist({ uri: 'a.vtt', durationSeconds: d })).toThrow(
      `durationSeconds must be a positive number, not ${d}.`,
    )
  })

  it('should refuse a URI that would break the playlist', () => {
    expect(() =>
      buildSubtitlePlaylist({ uri: 'a.vtt\n#EXT-X-ENDLIST', durationSeconds: 1 }),
    ).toThrow('uri contains a line break')
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
