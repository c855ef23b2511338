import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import schemaV1 from '../../schemas/cdm-manifest-1.schema.json'
import schemaV2 from '../../schemas/cdm-manifest-2.schema.json'
import schema from '../../schemas/cdm-manifest-3.schema.json'
import {
  ASSET_MIME,
  type BuildManifestInput,
  ManifestBuildError,
  buildManifest,
} from '../../src/domain/manifest/buildManifest'
import { canonicalJson, canonicalJsonBytes } from '../../src/domain/manifest/canonicalJson'
import {
  checkManifestAssets,
  manifestReferences,
} from '../../src/domain/manifest/checkManifestAssets'
import type { Manifest } from '../../src/domain/manifest/types'
import type { Accent, Audience, Clip, Exercise, Module } from '../../src/domain/releases/model'

const sha = (name: string) => createHash('sha256').update(name).digest('hex')
const ref = (name: string, bytes: number) => ({ sha256: sha(name), bytes })

const mainstream: Audience = {
  id: 'a1',
  slug: 'mainstream',
  label: 'Mainstream (male, female partner)',
}
const female: Audience = { id: 'a2', slug: 'female', label: 'Female' }
const geordie: Accent = { id: 'ac1', label: 'Geordie (North East)', tag: 'en-GB-x-geordie' }
const scouse: Accent = { id: 'ac2', label: 'Scouse (Merseyside)', tag: 'en-GB-x-scouse' }

const clip = (id: string, title: string, overrides: Partial<Clip> = {}): Clip => ({
  id,
  slug: title
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/-$/, ''),
  title,
  audiences: [],
  variantOf: null,
  variantAudience: null,
  processing: { status: 'ready', durationMs: 45_000, reason: null },
  // Listed in the opposite order to the release's accents, which must decide the order.
  voiceTracks: [
    { accentId: 'ac2', stale: false, file: ref(`${id}/voice-scouse`, 200) },
    { accentId: 'ac1', stale: false, file: ref(`${id}/voice-geordie`, 210) },
  ],
  captions: [
    { locale: 'en-GB', stale: false, file: ref(`${id}/captions-en`, 30) },
    { locale: 'cy', stale: false, file: ref(`${id}/captions-cy`, 31) },
  ],
  poster: ref(`${id}/poster`, 5_000),
  hls: ref(`${id}/hls`, 900),
  offline: [
    { accentTag: 'en-GB-x-geordie', ...ref(`${id}/offline-geordie`, 1_000_000) },
    { accentTag: 'en-GB-x-scouse', ...ref(`${id}/offline-scouse`, 1_000_001) },
  ],
  ...overrides,
})

const exercise = (
  id: string,
  moduleId: string,
  order: number,
  title: string,
  clipId: string | null,
  overrides: Partial<Exercise> = {},
): Exercise => ({
  id,
  moduleId,
  slug: title.toLowerCase().replace(/[^a-z]+/g, '-'),
  title,
  order,
  clipId,
  audiences: [],
  minutes: 15,
  worksheet: {
    intro: `About ${title.toLowerCase()}.`,
    questions: [
      { prompt: 'What did you notice?', answerType: 'text', options: [] },
      { prompt: 'How sure are you?', answerType: 'scale', options: [] },
    ],
  },
  task: 'Talk to someone you trust.',
  keyPoints: ['Notice the signs.', 'Take a breath.'],
  diaryPrompts: ['When did you feel calm this week?'],
  ...overrides,
})

const modules: Module[] = [
  { id: 'm2', slug: 'emotions', title: 'Emotions', order: 2, mandatory: false, audiences: [] },
  { id: 'm1', slug: 'foundation', title: 'Foundation', order: 1, mandatory: true, audiences: [] },
]

const posterOfFirstMeeting = ref('c1/poster', 5_000)

const input: BuildManifestInput = {
  toolkit: { id: 't1', slug: 'healthy-relationships', title: 'Healthy Relationships' },
  release: {
    version: '1.1.0',
    previous: '1.0.0',
    publishedAt: '2026-11-27T10:00:00.000Z',
    changelog: ['Updated clip "First Meeting".'],
    credits: ['Alex', 'River'],
  },
  audience: mainstream,
  locale: 'en-GB',
  modules,
  exercises: [
    exercise('e3', 'm2', 1, 'Naming feelings', 'c2', {
      worksheet: {
        intro: '',
        questions: [
          { prompt: 'Which feeling?', answerType: 'choice', options: ['Angry', 'Sad', 'Scared'] },
        ],
      },
      minutes: null,
    }),
    exercise('e1', 'm1', 1, 'First meeting', 'c1'),
    exercise('e2', 'm1', 2, 'Supervision goals', 'c2'),
    exercise('e4', 'm2', 2, 'Staying safe', 'c3', { audiences: ['a2'] }),
  ],
  clips: [
    clip('c1', 'First Meeting'),
    // Same animation, so the same poster; recorded again with other voices.
    clip('c1f', 'First Meeting (female)', {
      variantOf: 'c1',
      variantAudience: 'a2',
      poster: posterOfFirstMeeting,
    }),
    clip('c2', 'Supervision Goals', { processing: { status: 'ready', durationMs: 61_234 } }),
    clip('c3', 'Staying Safe'),
  ],
  accents: [geordie, scouse],
}

const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats(ajv)
const validate = ajv.compile(schema)

const errorsOf = (value: unknown) => {
  validate(value)
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

describe('buildManifest', () => {
  it('should build the exact manifest for a one-exercise toolkit', () => {
    const manifest = buildManifest({
      ...input,
      release: {
        version: '1.0.0',
        previous: null,
        publishedAt: '2026-11-27T10:00:00Z',
        changelog: [],
        credits: [],
      },
      modules: [modules[1]],
      exercises: [exercise('e1', 'm1', 1, 'First meeting', 'c1')],
      accents: [geordie],
      locale: 'cy',
    })
    expect(manifest).toEqual({
      schema: 'cdm-manifest/3',
      toolkit: { slug: 'healthy-relationships', title: 'Healthy Relationships' },
      release: {
        version: '1.0.0',
        previous: null,
        publishedAt: '2026-11-27T10:00:00Z',
        changelog: [],
        credits: [],
      },
      audience: { slug: 'mainstream', label: 'Mainstream (male, female partner)' },
      locale: 'cy',
      modules: [
        {
          slug: 'foundation',
          title: 'Foundation',
          mandatory: true,
          exercises: [
            {
              slug: 'first-meeting',
              title: 'First meeting',
              minutes: 15,
              worksheet: {
                intro: 'About first meeting.',
                questions: [
                  { prompt: 'What did you notice?', answerType: 'text', options: [] },
                  { prompt: 'How sure are you?', answerType: 'scale', options: [] },
                ],
              },
              task: 'Talk to someone you trust.',
              keyPoints: ['Notice the signs.', 'Take a breath.'],
              diaryPrompts: ['When did you feel calm this week?'],
              clip: {
                slug: 'first-meeting',
                title: 'First Meeting',
                durationMs: 45_000,
                poster: sha('c1/poster'),
                hls: sha('c1/hls'),
                offline: [
                  {
                    accent: { label: 'Geordie (North East)', tag: 'en-GB-x-geordie' },
                    sha256: sha('c1/offline-geordie'),
                  },
                ],
                voiceTracks: [
                  {
                    label: 'Geordie (North East)',
                    tag: 'en-GB-x-geordie',
                    sha256: sha('c1/voice-geordie'),
                  },
                ],
                captions: [{ locale: 'cy', sha256: sha('c1/captions-cy') }],
              },
            },
          ],
        },
      ],
      assets: Object.fromEntries(
        [
          [sha('c1/poster'), { bytes: 5_000, mime: 'image/jpeg', file: `${sha('c1/poster')}.jpg` }],
          [
            sha('c1/hls'),
            { bytes: 900, mime: 'application/vnd.apple.mpegurl', file: `${sha('c1/hls')}.m3u8` },
          ],
          [
            sha('c1/offline-geordie'),
            { bytes: 1_000_000, mime: 'video/mp4', file: `${sha('c1/offline-geordie')}.mp4` },
          ],
          [
            sha('c1/voice-geordie'),
            { bytes: 210, mime: 'audio/mp4', file: `${sha('c1/voice-geordie')}.m4a` },
          ],
          [
            sha('c1/captions-cy'),
            { bytes: 31, mime: 'text/vtt', file: `${sha('c1/captions-cy')}.vtt` },
          ],
        ].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
      ),
    })
  })

  it('should list modules and exercises in order and leave out other audiences', () => {
    const manifest = buildManifest(input)
    expect(
      manifest.modules.map((m) => [m.slug, m.mandatory, m.exercises.map((e) => e.slug)]),
    ).toEqual([
      ['foundation', true, ['first-meeting', 'supervision-goals']],
      ['emotions', false, ['naming-feelings']],
    ])
  })

  it("should use the audience's variant of a clip", () => {
    const manifest = buildManifest({ ...input, audience: female })
    expect(manifest.audience).toEqual({ slug: 'female', label: 'Female' })
    expect(manifest.modules.flatMap((m) => m.exercises.map((e) => [e.slug, e.clip.slug]))).toEqual([
      ['first-meeting', 'first-meeting-female'],
      ['supervision-goals', 'supervision-goals'],
      ['naming-feelings', 'supervision-goals'],
      ['staying-safe', 'staying-safe'],
    ])
    expect(manifest.modules[0].exercises[0].clip.voiceTracks[0].sha256).toBe(
      sha('c1f/voice-geordie'),
    )
  })

  it("should list voice tracks and offline videos in the release's accent order", () => {
    const { clip: entry } = buildManifest({ ...input, accents: [scouse, geordie] }).modules[0]
      .exercises[0]
    expect(entry.voiceTracks).toEqual([
      { label: 'Scouse (Merseyside)', tag: 'en-GB-x-scouse', sha256: sha('c1/voice-scouse') },
      { label: 'Geordie (North East)', tag: 'en-GB-x-geordie', sha256: sha('c1/voice-geordie') },
    ])
    expect(entry.offline).toEqual([
      {
        accent: { label: 'Scouse (Merseyside)', tag: 'en-GB-x-scouse' },
        sha256: sha('c1/offline-scouse'),
      },
      {
        accent: { label: 'Geordie (North East)', tag: 'en-GB-x-geordie' },
        sha256: sha('c1/offline-geordie'),
      },
    ])
  })

  it("should carry only the manifest locale's captions", () => {
    const english = buildManifest(input)
    expect(english.modules[0].exercises[0].clip.captions).toEqual([
      { locale: 'en-GB', sha256: sha('c1/captions-en') },
    ])
    expect(english.assets[sha('c1/captions-cy')]).toBeUndefined()
  })

  it('should list a file used several times once, with its size and type', () => {
    const manifest = buildManifest({ ...input, audience: female })
    // c2 plays in two exercises; c1f shares the poster of c1.
    expect(manifest.assets[sha('c2/hls')]).toEqual({
      bytes: 900,
      mime: ASSET_MIME.hls,
      file: `${sha('c2/hls')}.m3u8`,
    })
    expect(manifest.assets[sha('c1/poster')]).toMatchObject({ bytes: 5_000, mime: 'image/jpeg' })
    // 4 exercises × 7 files each, but only 3 distinct clips (c1f, c2, c3) behind them.
    expect(manifestReferences(manifest)).toHaveLength(4 * 7)
    expect(Object.keys(manifest.assets)).toHaveLength(3 * 7)
  })

  it('should list the printable worksheets as a PDF asset, when given', () => {
    const printable = ref('printable', 40_000)
    const manifest = buildManifest({ ...input, printable })
    expect(manifest.printable).toBe(printable.sha256)
    expect(manifest.assets[printable.sha256]).toEqual({
      bytes: 40_000,
      mime: 'application/pdf',
      file: `${printable.sha256}.pdf`,
    })
    expect(checkManifestAssets(manifest).ok).toBe(true)
    expect(errorsOf(JSON.parse(canonicalJson(manifest)))).toEqual([])
    expect(buildManifest(input)).not.toHaveProperty('printable')
    delete manifest.assets[printable.sha256]
    expect(checkManifestAssets(manifest).missing).toEqual([
      { sha256: printable.sha256, path: 'printable' },
    ])
  })

  it('should list assets sorted by sha256', () => {
    const keys = Object.keys(buildManifest(input).assets)
    expect(keys).toEqual([...keys].sort())
  })

  it('should copy its inputs rather than share them', () => {
    const manifest = buildManifest(input)
    manifest.modules[0].exercises[0].keyPoints.push('Changed')
    manifest.release.changelog.push('Changed')
    expect(input.exercises[1].keyPoints).toEqual(['Notice the signs.', 'Take a breath.'])
    expect(input.release.changelog).toEqual(['Updated clip "First Meeting".'])
  })

  it('should build the same bytes from the same documents', () => {
    const shuffled = {
      ...input,
      modules: [...input.modules].reverse(),
      exercises: [...input.exercises].reverse(),
      clips: [...input.clips].reverse(),
    }
    expect(canonicalJson(buildManifest(shuffled))).toBe(canonicalJson(buildManifest(input)))
  })

  it('should refuse, listing every problem, when a file or a clip is missing', () => {
    const broken: BuildManifestInput = {
      ...input,
      exercises: [...input.exercises, exercise('e5', 'm2', 3, 'Warning signs', null)],
      clips: input.clips.map((c) =>
        c.id === 'c1'
          ? {
              ...c,
              poster: null,
              hls: null,
              processing: { status: 'ready', durationMs: null },
              voiceTracks: [{ accentId: 'ac1', stale: false, file: null }],
              captions: [],
              offline: [],
            }
          : c,
      ),
    }
    let error: unknown
    try {
      buildManifest(broken)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ManifestBuildError)
    expect((error as ManifestBuildError).problems).toEqual([
      'Clip "First Meeting" has no measured duration.',
      'Clip "First Meeting" has no poster.',
      'Clip "First Meeting" has no HLS playlist.',
      'Clip "First Meeting" has no processed voice track for Geordie (North East).',
      'Clip "First Meeting" has no offline video for Geordie (North East).',
      'Clip "First Meeting" has no processed voice track for Scouse (Merseyside).',
      'Clip "First Meeting" has no offline video for Scouse (Merseyside).',
      'Clip "First Meeting" has no captions for locale en-GB.',
      'Exercise "Warning signs" has no clip.',
    ])
    expect((error as Error).message).toMatch(
      /^Cannot build the manifest: Clip "First Meeting" has no measured duration\. .* Exercise "Warning signs" has no clip\.$/,
    )
  })

  it('should refuse one sha256 given with two different sizes', () => {
    const clips = input.clips.map((c) =>
      c.id === 'c2' ? { ...c, poster: { sha256: sha('c1/poster'), bytes: 4_999 } } : c,
    )
    expect(() => buildManifest({ ...input, clips })).toThrow(
      `Cannot build the manifest: Clip "Supervision Goals" poster has sha256 ${sha('c1/poster')} with 4999 bytes (image/jpeg), but the same sha256 is already listed with 5000 bytes (image/jpeg).`,
    )
  })

  it('should refuse one sha256 used as two kinds of file', () => {
    const clips = input.clips.map((c) =>
      c.id === 'c2' ? { ...c, hls: { sha256: sha('c1/poster'), bytes: 5_000 } } : c,
    )
    expect(() => buildManifest({ ...input, clips })).toThrow(ManifestBuildError)
  })
})

describe('the cdm-manifest/3 JSON Schema', () => {
  it('should be a draft 2020-12 schema that ajv compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(validate).toBeTypeOf('function')
  })

  it('should be version 1 with the release credits added in version 2, and nothing else changed', () => {
    const { release, schema: version, ...rest } = structuredClone(schemaV2.properties)
    const v1 = structuredClone(schemaV1.properties)
    expect(rest).toEqual({ ...v1, release: undefined, schema: undefined, ...rest })
    expect(Object.keys(rest)).toEqual(
      Object.keys(v1).filter((k) => !['release', 'schema'].includes(k)),
    )
    expect(version).toEqual({ const: 'cdm-manifest/2' })
    const { credits, ...releaseProperties } = release.properties
    expect(releaseProperties).toEqual(v1.release.properties)
    expect(credits.type).toBe('array')
    expect(release.required).toEqual([...v1.release.required, 'credits'])
    expect(schemaV2.$defs).toEqual(schemaV1.$defs)
  })

  it('should be version 2 with each asset’s file name and the printable worksheets added, and nothing else changed', () => {
    const { assets, printable, schema: version, ...rest } = structuredClone(schema.properties)
    const v2 = structuredClone(schemaV2.properties)
    expect(version).toEqual({ const: 'cdm-manifest/3' })
    expect(printable.$ref).toBe('#/$defs/sha256')
    expect(schema.required).toEqual(schemaV2.required)
    expect(rest).toEqual({ ...v2, assets: undefined, schema: undefined, ...rest })
    expect(Object.keys(rest)).toEqual(
      Object.keys(v2).filter((k) => !['assets', 'schema'].includes(k)),
    )
    const { file, ...assetProperties } = assets.additionalProperties.properties
    expect(assetProperties).toEqual(v2.assets.additionalProperties.properties)
    expect(file.type).toBe('string')
    expect(assets.additionalProperties.required).toEqual([
      ...v2.assets.additionalProperties.required,
      'file',
    ])
    expect(schema.$defs).toEqual(schemaV2.$defs)
  })

  it('should name each built asset by its sha256 and the extension of its type', () => {
    const { assets } = buildManifest(input)
    const extensions = new Map<string, string>()
    for (const [key, asset] of Object.entries(assets)) {
      const [name, extension] = asset.file.split('.')
      expect(name).toBe(key)
      extensions.set(asset.mime, extension)
    }
    expect(Object.fromEntries(extensions)).toEqual({
      'application/vnd.apple.mpegurl': 'm3u8',
      'audio/mp4': 'm4a',
      'image/jpeg': 'jpg',
      'text/vtt': 'vtt',
      'video/mp4': 'mp4',
    })
  })

  it('should refuse a file name that is not the asset’s sha256 with an extension', () => {
    // That it is the asset's own sha256 is beyond JSON Schema; the delivery client checks it.
    const [key] = Object.keys(built().assets)
    for (const file of [undefined, '../etc/passwd', 'x.ts', `${key}.`, `${key}/a.ts`]) {
      const manifest = built()
      ;(manifest.assets[key] as { file?: string }).file = file
      expect(errorsOf(manifest).length, String(file)).toBeGreaterThan(0)
    }
  })

  it('should refuse credits that are not a list of distinct pseudonyms', () => {
    for (const credits of [undefined, 'River', [''], ['River', 'River'], [1]]) {
      const manifest = JSON.parse(JSON.stringify(buildManifest(input))) as Manifest
      ;(manifest.release as { credits?: unknown }).credits = credits
      expect(errorsOf(manifest).length, JSON.stringify(credits)).toBeGreaterThan(0)
    }
  })

  it.each([
    ['mainstream', 'en-GB'],
    ['mainstream', 'cy'],
    ['female', 'en-GB'],
    ['female', 'cy'],
  ])('should accept the built manifest for %s in %s', (audienceSlug, locale) => {
    const manifest = buildManifest({
      ...input,
      audience: audienceSlug === 'female' ? female : mainstream,
      locale,
    })
    expect(errorsOf(manifest)).toEqual([])
  })

  it('should accept a first release and an empty module after a JSON round trip', () => {
    const manifest = buildManifest({
      ...input,
      release: { ...input.release, previous: null },
      exercises: input.exercises.filter((e) => e.moduleId === 'm1'),
    })
    expect(manifest.modules[1].exercises).toEqual([])
    expect(errorsOf(JSON.parse(canonicalJson(manifest)))).toEqual([])
  })

  const built = () => JSON.parse(JSON.stringify(buildManifest(input))) as Manifest
  const firstClip = (m: Manifest) => m.modules[0].exercises[0].clip

  it.each<[string, (m: Manifest) => void, string]>([
    [
      'an unknown schema',
      (m) => ((m as { schema: string }).schema = 'cdm-manifest/4'),
      '/schema must be equal to constant',
    ],
    [
      'a missing locale',
      (m) => delete (m as Partial<Manifest>).locale,
      " must have required property 'locale'",
    ],
    [
      'an extra property',
      (m) => Object.assign(m.toolkit, { id: 't1' }),
      '/toolkit must NOT have additional properties',
    ],
    [
      'a malformed version',
      (m) => (m.release.version = 'v1.1'),
      '/release/version must match pattern',
    ],
    [
      'a malformed date',
      (m) => (m.release.publishedAt = '27/11/2026'),
      '/release/publishedAt must match format "date-time"',
    ],
    [
      'an upper-case sha256',
      (m) => (firstClip(m).poster = sha('x').toUpperCase()),
      '/modules/0/exercises/0/clip/poster must match pattern',
    ],
    [
      'a short sha256',
      (m) => (firstClip(m).hls = 'abc'),
      '/modules/0/exercises/0/clip/hls must match pattern',
    ],
    [
      'a fractional duration',
      (m) => (firstClip(m).durationMs = 1.5),
      '/modules/0/exercises/0/clip/durationMs must be integer',
    ],
    [
      'an unknown answer type',
      (m) =>
        Object.assign(m.modules[0].exercises[0].worksheet.questions[0], { answerType: 'essay' }),
      '/modules/0/exercises/0/worksheet/questions/0/answerType must be equal to one of the allowed values',
    ],
    [
      'a bad accent tag',
      (m) => (firstClip(m).voiceTracks[0].tag = 'Geordie accent'),
      '/modules/0/exercises/0/clip/voiceTracks/0/tag must match pattern',
    ],
    [
      'an asset keyed by something other than a sha256',
      (m) => (m.assets['poster.jpg'] = { bytes: 1, mime: 'image/jpeg', file: 'poster.jpg' }),
      '/assets must match pattern',
    ],
    [
      'a negative asset size',
      (m) => (Object.values(m.assets)[0].bytes = -1),
      '/bytes must be >= 0',
    ],
    [
      'an empty title',
      (m) => (m.modules[0].title = ''),
      '/modules/0/title must NOT have fewer than 1 characters',
    ],
  ])('should reject %s', (_, breakIt, error) => {
    const manifest = built()
    breakIt(manifest)
    expect(errorsOf(manifest)).toEqual(expect.arrayContaining([expect.stringContaining(error)]))
  })
})

describe('checkManifestAssets', () => {
  it('should accept a built manifest', () => {
    expect(checkManifestAssets(buildManifest(input))).toEqual({
      ok: true,
      missing: [],
      unreferenced: [],
    })
  })

  it('should fail a manifest missing a referenced asset, saying where it is used', () => {
    const manifest = buildManifest(input)
    delete manifest.assets[sha('c2/hls')]
    // Schema-valid all the same: only this check can catch it.
    expect(errorsOf(manifest)).toEqual([])
    expect(checkManifestAssets(manifest)).toEqual({
      ok: false,
      missing: [
        { sha256: sha('c2/hls'), path: 'modules[0].exercises[1].clip.hls' },
        { sha256: sha('c2/hls'), path: 'modules[1].exercises[0].clip.hls' },
      ],
      unreferenced: [],
    })
  })

  it('should fail a manifest that lists an asset nothing uses', () => {
    const manifest = buildManifest(input)
    manifest.assets[sha('stray')] = { bytes: 12, mime: 'video/mp4', file: `${sha('stray')}.mp4` }
    expect(checkManifestAssets(manifest)).toEqual({
      ok: false,
      missing: [],
      unreferenced: [sha('stray')],
    })
  })

  it('should not be fooled by inherited object properties', () => {
    const manifest = buildManifest(input)
    manifest.modules[0].exercises[0].clip.poster = 'toString'
    expect(checkManifestAssets(manifest).missing).toEqual([
      { sha256: 'toString', path: 'modules[0].exercises[0].clip.poster' },
    ])
  })
})

describe('manifestReferences', () => {
  it('should list every file of every clip in document order', () => {
    const manifest = buildManifest({
      ...input,
      modules: [modules[1]],
      exercises: [exercise('e1', 'm1', 1, 'First meeting', 'c1')],
    })
    const at = 'modules[0].exercises[0].clip'
    expect(manifestReferences(manifest)).toEqual([
      { sha256: sha('c1/poster'), path: `${at}.poster` },
      { sha256: sha('c1/hls'), path: `${at}.hls` },
      { sha256: sha('c1/offline-geordie'), path: `${at}.offline[0]` },
      { sha256: sha('c1/offline-scouse'), path: `${at}.offline[1]` },
      { sha256: sha('c1/voice-geordie'), path: `${at}.voiceTracks[0]` },
      { sha256: sha('c1/voice-scouse'), path: `${at}.voiceTracks[1]` },
      { sha256: sha('c1/captions-en'), path: `${at}.captions[0]` },
    ])
  })
})

describe('canonicalJson', () => {
  it('should sort keys at every depth and leave out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    )
  })

  it('should give the same text whatever order the keys were added in', () => {
    expect(canonicalJson({ locale: 'cy', schema: 'cdm-manifest/1' })).toBe(
      canonicalJson({ schema: 'cdm-manifest/1', locale: 'cy' }),
    )
  })

  it('should keep array order', () => {
    expect(canonicalJson(['b', 'a', 2, 1])).toBe('["b","a",2,1]')
  })

  it('should sort keys by UTF-16 code unit, upper case before lower case', () => {
    expect(canonicalJson({ b: 0, a: 0, B: 0, é: 0, '10': 0, '9': 0 })).toBe(
      '{"10":0,"9":0,"B":0,"a":0,"b":0,"é":0}',
    )
  })

  it('should write strings and numbers as JSON.stringify does', () => {
    expect(canonicalJson({ s: 'Dywedodd "Siôn"\n\u0007', n: [0, -0, 1.5, 1e21, 1e-7] })).toBe(
      '{"n":[0,0,1.5,1e+21,1e-7],"s":"Dywedodd \\"Siôn\\"\\n\\u0007"}',
    )
  })

  it('should leave out properties that are undefined', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
  })

  it('should write empty objects and arrays', () => {
    expect(canonicalJson({ a: {}, b: [] })).toBe('{"a":{},"b":[]}')
  })

  it('should accept an object with no prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 2, a: 1 })
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}')
  })

  it.each<[string, unknown, string]>([
    ['NaN', { a: NaN }, '$.a is NaN, which JSON cannot hold.'],
    ['Infinity', [1, -Infinity], '$[1] is -Infinity, which JSON cannot hold.'],
    ['a bigint', { a: { b: 1n } }, '$.a.b is a bigint, which JSON cannot hold.'],
    ['a function', { f: () => 1 }, '$.f is a function, which JSON cannot hold.'],
    ['undefined in an array', [undefined], '$[0] is undefined, which JSON cannot hold.'],
    ['undefined itself', undefined, '$ is undefined, which JSON cannot hold.'],
    ['a Date', { at: new Date(0) }, '$.at is not a plain object.'],
    ['a Map', new Map(), '$ is not a plain object.'],
  ])('should refuse %s', (_, value, message) => {
    expect(() => canonicalJson(value)).toThrow(new TypeError(message))
  })

  it('should refuse a cycle', () => {
    const loop: Record<string, unknown> = { a: [] }
    ;(loop.a as unknown[]).push(loop)
    expect(() => canonicalJson(loop)).toThrow('$.a[0] refers back to itself.')
  })

  it('should accept the same object twice when it is not a cycle', () => {
    const shared = { x: 1 }
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}')
  })

  it('should round-trip a manifest through JSON.parse unchanged', () => {
    const manifest = buildManifest(input)
    expect(JSON.parse(canonicalJson(manifest))).toEqual(manifest)
  })

  it('should give UTF-8 bytes', () => {
    expect([...canonicalJsonBytes({ w: 'ŵ' })]).toEqual([
      0x7b, 0x22, 0x77, 0x22, 0x3a, 0x22, 0xc5, 0xb5, 0x22, 0x7d,
    ])
  })
})
