import { describe, expect, it } from 'vitest'

import type { DeliveryManifest, DeliveryManifestExercise } from '../../src/delivery-client/browser'
import {
  accentFor,
  accentsOf,
  audioTrackIndex,
  captionsFor,
  clockTime,
  offlineMp4For,
  playbackEngine,
  rewoundTime,
} from '../../src/player/model/clipSources'
import {
  connectionFromFragment,
  normaliseStudioUrl,
  studioUrlProblem,
} from '../../src/player/model/deviceSetup'
import { diaryAsText, type DiaryEntry } from '../../src/player/model/diary'
import { downloadPlan, formatBytes } from '../../src/player/model/downloadPlan'
import {
  lowDataLevel,
  lowDataVariant,
  mediaPlaylistFiles,
  parseMultivariant,
} from '../../src/player/model/hlsPlaylist'
import {
  firstPosition,
  nextExercise,
  nextPosition,
  outlineOf,
  previousPosition,
  SESSION_STEPS,
} from '../../src/player/model/outline'
import { playbackActionFor } from '../../src/player/model/playbackKeys'

const sha = (c: string) => c.repeat(64)

const MASTER = [
  '#EXTM3U',
  `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="en-GB-x-geordie",NAME="Geordie",DEFAULT=YES,URI="${sha('a')}"`,
  `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="en-GB-x-scouse",NAME="Scouse",DEFAULT=NO,URI="${sha('b')}"`,
  '#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,AUDIO="aud"',
  sha('c'),
  '#EXT-X-STREAM-INF:BANDWIDTH=700000,RESOLUTION=640x360,AUDIO="aud"',
  sha('d'),
].join('\n')
const media = (segments: string[]) =>
  [
    '#EXTM3U',
    '#EXT-X-TARGETDURATION:4',
    ...segments.flatMap((s) => ['#EXTINF:4.0,', s]),
    '#EXT-X-ENDLIST',
  ].join('\n')

function exercise(
  slug: string,
  overrides: Partial<DeliveryManifestExercise['clip']> = {},
): DeliveryManifestExercise {
  return {
    slug,
    title: slug,
    minutes: 10,
    worksheet: { intro: '', questions: [] },
    task: '',
    keyPoints: [],
    diaryPrompts: [],
    clip: {
      slug: `${slug}-clip`,
      title: 'Clip',
      durationMs: 8000,
      poster: sha('p'),
      hls: sha('m'),
      offline: [
        { accent: { label: 'Geordie', tag: 'en-GB-x-geordie' }, sha256: sha('6') },
        { accent: { label: 'Scouse', tag: 'en-GB-x-scouse' }, sha256: sha('7') },
      ],
      voiceTracks: [
        { label: 'Geordie', tag: 'en-GB-x-geordie', sha256: sha('8') },
        { label: 'Scouse', tag: 'en-GB-x-scouse', sha256: sha('9') },
      ],
      captions: [{ locale: 'en-GB', sha256: sha('e') }],
      ...overrides,
    },
  }
}

const sizes: Record<string, number> = {
  [sha('m')]: 500,
  [sha('a')]: 100,
  [sha('b')]: 100,
  [sha('c')]: 100,
  [sha('d')]: 100,
  [sha('1')]: 9000,
  [sha('2')]: 9000,
  [sha('3')]: 3000,
  [sha('4')]: 3000,
  [sha('5')]: 800,
  [sha('6')]: 20000,
  [sha('7')]: 20000,
  [sha('8')]: 1,
  [sha('9')]: 1,
  [sha('e')]: 50,
  [sha('p')]: 70,
}
const manifest: DeliveryManifest = {
  schema: 'cdm-manifest/3',
  toolkit: { slug: 'kit', title: 'Kit' },
  release: {
    version: '1.0.0',
    previous: null,
    publishedAt: '2026-01-01T00:00:00Z',
    changelog: [],
    credits: [],
  },
  audience: { slug: 'mainstream', label: 'Mainstream' },
  locale: 'en-GB',
  modules: [
    {
      slug: 'foundation',
      title: 'Foundation',
      mandatory: true,
      exercises: [exercise('one'), exercise('two')],
    },
    { slug: 'empty', title: 'Empty', mandatory: false, exercises: [] },
    { slug: 'more', title: 'More', mandatory: false, exercises: [exercise('three')] },
  ],
  assets: Object.fromEntries(
    Object.entries(sizes).map(([k, bytes]) => [k, { bytes, mime: 'x/y', file: `${k}.x` }]),
  ),
}
const playlists = new Map([
  [sha('m'), MASTER],
  [sha('c'), media([sha('1'), sha('2')])],
  [sha('d'), media([sha('3'), sha('4')])],
  [sha('a'), media([sha('5')])],
  [sha('b'), media([sha('5')])],
])

describe('the session outline', () => {
  it('should mark the foundation module and offer every exercise to jump to', () => {
    const outline = outlineOf(manifest)
    expect(outline.map((m) => m.isFoundation)).toEqual([true, false, false])
    expect(outline[2].exercises[0].position).toEqual({ module: 2, exercise: 0, step: 0 })
  })

  it('should walk clip, worksheet, summary, task and diary, then the next exercise', () => {
    expect(SESSION_STEPS).toEqual(['clip', 'worksheet', 'summary', 'task', 'diary'])
    let at = firstPosition(manifest)!
    const visited: string[] = []
    while (at) {
      visited.push(`${at.module}.${at.exercise}.${at.step}`)
      at = nextPosition(manifest, at)!
    }
    expect(visited).toHaveLength(15)
    expect(visited.slice(4, 6)).toEqual(['0.0.4', '0.1.0'])
    // The module without exercises is passed over.
    expect(visited.slice(9, 11)).toEqual(['0.1.4', '2.0.0'])
  })

  it('should step back across exercises and stop at the start', () => {
    expect(previousPosition(manifest, { module: 2, exercise: 0, step: 0 })).toEqual({
      module: 0,
      exercise: 1,
      step: 4,
    })
    expect(previousPosition(manifest, { module: 0, exercise: 0, step: 0 })).toBeNull()
    expect(nextExercise(manifest, { module: 0, exercise: 1, step: 2 })).toEqual({
      module: 2,
      exercise: 0,
      step: 0,
    })
    expect(nextExercise(manifest, { module: 2, exercise: 0, step: 0 })).toBeNull()
  })
})

describe('the download plan', () => {
  it('should download every asset in full', () => {
    const plan = downloadPlan({ manifest, playlists, lowData: false })
    expect(plan.files).toHaveLength(Object.keys(sizes).length)
    expect(plan.bytes).toBe(Object.values(sizes).reduce((a, b) => a + b, 0))
  })

  it('should leave out the 720p picture and the offline MP4s with low data, keeping the audio', () => {
    const plan = downloadPlan({ manifest, playlists, lowData: true })
    expect(plan.files).not.toContain(sha('c'))
    expect(plan.files).not.toContain(sha('1'))
    expect(plan.files).not.toContain(sha('6'))
    expect(plan.files).toEqual(
      expect.arrayContaining([
        sha('d'),
        sha('3'),
        sha('4'),
        sha('a'),
        sha('b'),
        sha('5'),
        sha('e'),
      ]),
    )
    expect(plan.bytes).toBe(Object.values(sizes).reduce((a, b) => a + b, 0) - 100 - 18000 - 40000)
  })

  it('should plan the same with playlists that name files with extensions, as releases do', () => {
    // A release's playlists say `<sha256>.m3u8` and `<sha256>.ts`; the plan is still by sha256.
    const named = (text: string) =>
      text.replace(
        /\b([0-9a-z])\1{63}\b/g,
        (hash) => `${hash}.${/^[abcd]/.test(hash) ? 'm3u8' : 'ts'}`,
      )
    const withNames = new Map([...playlists].map(([sha256, text]) => [sha256, named(text)]))
    expect(named(MASTER)).toContain(`URI="${sha('a')}.m3u8"`)
    for (const lowData of [false, true])
      expect(downloadPlan({ manifest, playlists: withNames, lowData })).toEqual(
        downloadPlan({ manifest, playlists, lowData }),
      )
  })

  it('should say sizes plainly', () => {
    expect(formatBytes(950, 'en-GB')).toBe('950 bytes')
    expect(formatBytes(12_400_000, 'en-GB')).toBe('12.4 MB')
    expect(formatBytes(850_000, 'cy')).toBe('850 KB')
  })
})

describe('HLS playlists', () => {
  it('should read the variants and renditions of a multivariant playlist', () => {
    const { variants, renditions } = parseMultivariant(MASTER)
    expect(variants.map((v) => v.height)).toEqual([720, 360])
    expect(renditions.map((r) => r.language)).toEqual(['en-GB-x-geordie', 'en-GB-x-scouse'])
    expect(lowDataVariant(variants)?.uri).toBe(sha('d'))
    expect(lowDataVariant([{ uri: 'x', height: 720, bandwidth: 1 }])?.uri).toBe('x')
    expect(mediaPlaylistFiles('#EXTM3U\n#EXT-X-MAP:URI="init"\n#EXTINF:4,\nseg\n')).toEqual([
      'init',
      'seg',
    ])
  })

  it('should pick the 360p level for low data, else the smallest', () => {
    expect(lowDataLevel([{ height: 720 }, { height: 360 }, { height: 240 }])).toBe(1)
    expect(lowDataLevel([{ height: 1080 }, { height: 720 }])).toBe(1)
  })

  it('should choose the same variant to download and to play when heights tie', () => {
    // The demo's fixture media: two variants of one size, told apart by bitrate only.
    const master = [
      '#EXTM3U',
      '#EXT-X-STREAM-INF:BANDWIDTH=2400000,RESOLUTION=320x180',
      'high',
      '#EXT-X-STREAM-INF:BANDWIDTH=700000,RESOLUTION=320x180',
      'low',
    ].join('\n')
    const { variants } = parseMultivariant(master)
    expect(lowDataVariant(variants)?.uri).toBe('low')
    // hls.js lists levels by bitrate, lowest first.
    expect(
      lowDataLevel([
        { height: 180, bitrate: 700000 },
        { height: 180, bitrate: 2400000 },
      ]),
    ).toBe(0)
    expect(
      lowDataLevel([
        { height: 180, bitrate: 2400000 },
        { height: 180, bitrate: 700000 },
      ]),
    ).toBe(1)
  })
})

describe('clip sources', () => {
  const clip = manifest.modules[0].exercises[0].clip
  it('should list the release’s accents once and fall back to a clip’s first', () => {
    expect(accentsOf(manifest).map((a) => a.tag)).toEqual(['en-GB-x-geordie', 'en-GB-x-scouse'])
    expect(accentFor(clip, 'en-GB-x-scouse')?.label).toBe('Scouse')
    expect(accentFor(clip, 'cy-x-gog')?.label).toBe('Geordie')
    expect(offlineMp4For(clip, manifest.assets, 'en-GB-x-scouse')).toBe(`/player/a/${sha('7')}.x`)
    expect(captionsFor(clip, manifest.assets, 'en-GB')).toBe(`/player/a/${sha('e')}.x`)
  })

  it('should find an accent’s audio track by language, then by name', () => {
    const accent = { label: 'Scouse', tag: 'en-GB-x-scouse' }
    expect(audioTrackIndex([{ lang: 'en-GB-x-geordie' }, { lang: 'en-gb-x-scouse' }], accent)).toBe(
      1,
    )
    expect(audioTrackIndex([{ name: 'Geordie' }, { name: 'Scouse' }], accent)).toBe(1)
    expect(audioTrackIndex([{ name: 'Other' }], accent)).toBe(-1)
  })

  it('should use hls.js with MSE, native HLS without it, and the MP4 otherwise', () => {
    expect(playbackEngine({ hasMediaSource: true, canPlayHlsNatively: true })).toBe('hls.js')
    expect(playbackEngine({ hasMediaSource: false, canPlayHlsNatively: true })).toBe('native-hls')
    expect(playbackEngine({ hasMediaSource: false, canPlayHlsNatively: false })).toBe('mp4')
  })

  it('should rewind 10 s but not past the start, and show times as m:ss', () => {
    expect(rewoundTime(25)).toBe(15)
    expect(rewoundTime(4)).toBe(0)
    expect(clockTime(65.4)).toBe('1:05')
    expect(clockTime(Number.NaN)).toBe('0:00')
  })

  it('should map the keyboard shortcuts', () => {
    expect(playbackActionFor('k')).toBe('toggle-play')
    expect(playbackActionFor('ArrowLeft')).toBe('rewind')
    expect(playbackActionFor('C')).toBe('toggle-captions')
    expect(playbackActionFor('x')).toBeNull()
  })
})

describe('device setup', () => {
  it('should read the key and studio from a link’s fragment', () => {
    expect(
      connectionFromFragment('#key=abc&studio=https://studio.example.org/', 'http://x'),
    ).toEqual({
      studioUrl: 'https://studio.example.org',
      apiKey: 'abc',
    })
    expect(connectionFromFragment('#key=abc', 'http://127.0.0.1:3000')?.studioUrl).toBe(
      'http://127.0.0.1:3000',
    )
    expect(connectionFromFragment('', 'http://x')).toBeNull()
  })

  it('should accept https, and plain http only on this machine', () => {
    expect(studioUrlProblem('https://studio.example.org')).toBeNull()
    expect(studioUrlProblem('http://localhost:3000')).toBeNull()
    expect(studioUrlProblem('http://127.0.0.1:3000')).toBeNull()
    expect(studioUrlProblem('http://studio.example.org')).toBe('insecure')
    expect(studioUrlProblem('not a url')).toBe('invalid')
    expect(normaliseStudioUrl(' https://s.example.org/studio/ ')).toBe(
      'https://s.example.org/studio',
    )
  })
})

describe('the diary export', () => {
  it('should write entries oldest first under their headings', () => {
    const entry = (id: string, savedAt: string, text: string): DiaryEntry => ({
      id,
      savedAt,
      text,
      toolkit: 'Kit',
      exercise: 'One',
      prompt: 'How did it go?',
    })
    const text = diaryAsText(
      [entry('b', '2026-02-02T10:00:00Z', 'Second'), entry('a', '2026-01-01T10:00:00Z', 'First ')],
      (e) => `${e.savedAt.slice(0, 10)}, ${e.exercise}`,
    )
    expect(text).toBe(
      '2026-01-01, One\nHow did it go?\n\nFirst\n\n---\n\n2026-02-02, One\nHow did it go?\n\nSecond\n',
    )
  })
})
