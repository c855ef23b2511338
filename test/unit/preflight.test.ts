import { describe, expect, it } from 'vitest'

import type {
  Accent,
  Audience,
  Clip,
  Exercise,
  Module,
  Script,
  Toolkit,
} from '../../src/domain/releases/model'
import { type PreflightInput, preflight } from '../../src/domain/releases/preflight'

const toolkit: Toolkit = { id: 't1', slug: 'healthy-relationships', title: 'Healthy Relationships' }

const mainstream: Audience = {
  id: 'a1',
  slug: 'mainstream',
  label: 'Mainstream (male, female partner)',
}
const female: Audience = { id: 'a2', slug: 'female', label: 'Female' }
const sameSex: Audience = {
  id: 'a3',
  slug: 'same-sex-male',
  label: 'Same-sex male (male, male partner)',
}

const geordie: Accent = { id: 'ac1', label: 'Geordie (North East)', tag: 'en-GB-x-geordie' }
const scouse: Accent = { id: 'ac2', label: 'Scouse (Merseyside)', tag: 'en-GB-x-scouse' }
const southWales: Accent = {
  id: 'ac3',
  label: 'Welsh-English (South Wales)',
  tag: 'en-GB-x-southwal',
}

const file = (name: string) => ({ sha256: name.padEnd(64, '0'), bytes: 100 })

/** A clip with everything a release needs, for Geordie and Scouse voices and both locales. */
const readyClip = (id: string, title: string, overrides: Partial<Clip> = {}): Clip => ({
  id,
  slug: id,
  title,
  audiences: [],
  variantOf: null,
  variantAudience: null,
  processing: { status: 'ready', durationMs: 45_000, reason: null },
  voiceTracks: [
    { accentId: 'ac1', stale: false, file: file(`${id}v1`) },
    { accentId: 'ac2', stale: false, file: file(`${id}v2`) },
  ],
  captions: [
    { locale: 'en-GB', stale: false, file: file(`${id}en`) },
    { locale: 'cy', stale: false, file: file(`${id}cy`) },
  ],
  poster: file(`${id}p`),
  hls: file(`${id}h`),
  offline: [
    { accentTag: 'en-GB-x-geordie', ...file(`${id}o1`) },
    { accentTag: 'en-GB-x-scouse', ...file(`${id}o2`) },
  ],
  ...overrides,
})

const exercise = (
  id: string,
  moduleId: string,
  order: number,
  title: string,
  clipId: string | null,
  audiences: string[] = [],
): Exercise => ({
  id,
  moduleId,
  slug: id,
  title,
  order,
  clipId,
  audiences,
  minutes: 10,
  worksheet: { intro: '', questions: [] },
  task: '',
  keyPoints: [],
  diaryPrompts: [],
})

const script = (id: string, clipId: string, title: string, overrides: Partial<Script> = {}) =>
  ({
    id,
    clipId,
    title,
    status: 'approved',
    hasUnpublishedDraft: false,
    ...overrides,
  }) satisfies Script

const modules: Module[] = [
  { id: 'm2', slug: 'emotions', title: 'Emotions', order: 2, mandatory: false, audiences: [] },
  { id: 'm1', slug: 'foundation', title: 'Foundation', order: 1, mandatory: true, audiences: [] },
  {
    id: 'm3',
    slug: 'safety-planning',
    title: 'Safety planning',
    order: 3,
    mandatory: false,
    audiences: ['a2'],
  },
]

const exercises: Exercise[] = [
  exercise('e3', 'm2', 1, 'Naming feelings', 'c3'),
  exercise('e1', 'm1', 1, 'First meeting', 'c1'),
  exercise('e2', 'm1', 2, 'What I want from supervision', 'c2'),
  exercise('e4', 'm2', 2, 'Jealousy', 'c4', ['a1', 'a3']),
  exercise('e5', 'm3', 1, 'Staying safe', 'c5'),
]

const clips: Clip[] = [
  readyClip('c1', 'First Meeting'),
  readyClip('c1f', 'First Meeting (female)', { variantOf: 'c1', variantAudience: 'a2' }),
  readyClip('c2', 'Supervision Goals'),
  readyClip('c3', 'Naming Feelings'),
  readyClip('c4', 'Jealousy'),
  readyClip('c5', 'Staying Safe'),
  // Made for an audience no release below chooses, so never checked.
  readyClip('c3x', 'Naming Feelings (LGBT-inclusive)', {
    variantOf: 'c3',
    variantAudience: 'a4',
    processing: { status: 'failed', durationMs: null, reason: 'No voice track is attached yet.' },
  }),
]

const scripts: Script[] = [
  script('s1', 'c1', 'Script: First Meeting'),
  script('s1f', 'c1f', 'Script: First Meeting (female)'),
  script('s2', 'c2', 'Script: Supervision Goals'),
  script('s3', 'c3', 'Script: Naming Feelings'),
  script('s4', 'c4', 'Script: Jealousy'),
  script('s5', 'c5', 'Script: Staying Safe'),
  script('s3x', 'c3x', 'Script: Naming Feelings (LGBT-inclusive)', { status: 'draft' }),
]

const base: PreflightInput = {
  toolkit,
  modules,
  exercises,
  clips,
  scripts,
  audiences: [mainstream, female, sameSex],
  locales: ['en-GB', 'cy'],
  accents: [geordie, scouse],
}

const withClip = (id: string, overrides: Partial<Clip>): PreflightInput => ({
  ...base,
  clips: clips.map((c) => (c.id === id ? { ...c, ...overrides } : c)),
})

const withScript = (id: string, overrides: Partial<Script>): PreflightInput => ({
  ...base,
  scripts: scripts.map((s) => (s.id === id ? { ...s, ...overrides } : s)),
})

const clipDoc = (id: string, title: string) => ({ collection: 'clips', id, title })
const scriptDoc = (id: string, title: string) => ({ collection: 'scripts', id, title })
const toolkitDoc = { collection: 'toolkits', id: 't1', title: 'Healthy Relationships' }

describe('preflight', () => {
  it('should pass a toolkit that is ready for every chosen audience, locale and accent', () => {
    const result = preflight(base)
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('should build the audience × exercise coverage matrix', () => {
    const { coverage } = preflight(base)
    expect(Object.keys(coverage.cells)).toEqual(['a1', 'a2', 'a3'])
    expect(Object.keys(coverage.cells.a2)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5'])
    expect(coverage.audiences).toEqual([mainstream, female, sameSex])
    expect(coverage.exercises).toEqual([
      { id: 'e1', title: 'First meeting', moduleId: 'm1', moduleTitle: 'Foundation' },
      {
        id: 'e2',
        title: 'What I want from supervision',
        moduleId: 'm1',
        moduleTitle: 'Foundation',
      },
      { id: 'e3', title: 'Naming feelings', moduleId: 'm2', moduleTitle: 'Emotions' },
      { id: 'e4', title: 'Jealousy', moduleId: 'm2', moduleTitle: 'Emotions' },
      { id: 'e5', title: 'Staying safe', moduleId: 'm3', moduleTitle: 'Safety planning' },
    ])
    const shared = {
      e1: { clipId: 'c1', clipTitle: 'First Meeting', viaVariant: false },
      e2: { clipId: 'c2', clipTitle: 'Supervision Goals', viaVariant: false },
      e3: { clipId: 'c3', clipTitle: 'Naming Feelings', viaVariant: false },
      e4: { clipId: 'c4', clipTitle: 'Jealousy', viaVariant: false },
      e5: { notShown: 'module' },
    }
    expect(coverage.cells).toEqual({
      a1: shared,
      a2: {
        e1: { clipId: 'c1f', clipTitle: 'First Meeting (female)', viaVariant: true },
        e2: { clipId: 'c2', clipTitle: 'Supervision Goals', viaVariant: false },
        e3: { clipId: 'c3', clipTitle: 'Naming Feelings', viaVariant: false },
        e4: { notShown: 'exercise' },
        e5: { clipId: 'c5', clipTitle: 'Staying Safe', viaVariant: false },
      },
      a3: shared,
    })
  })

  it('should not check clips and scripts that no chosen audience uses', () => {
    // c1f (female variant) and c5 (female-only module) are unused without the female audience.
    const input = {
      ...withClip('c1f', { processing: { status: 'queued' as const, durationMs: null } }),
      scripts: scripts.map((s) => (s.id === 's5' ? { ...s, status: 'draft' as const } : s)),
      audiences: [mainstream],
    }
    expect(preflight(input).problems).toEqual([])
  })

  describe('the foundation module', () => {
    it('should require a mandatory module', () => {
      const input = { ...base, modules: modules.map((m) => ({ ...m, mandatory: false })) }
      expect(preflight(input)).toMatchObject({
        ok: false,
        problems: [
          {
            code: 'no-foundation',
            message: 'Toolkit "Healthy Relationships" has no mandatory foundation module.',
            document: toolkitDoc,
          },
        ],
      })
    })

    it('should require a mandatory module for each chosen audience', () => {
      const input = {
        ...base,
        modules: modules.map((m) => (m.id === 'm1' ? { ...m, audiences: ['a1'] } : m)),
      }
      expect(
        preflight(input)
          .problems.filter((p) => p.code === 'no-foundation')
          .map((p) => p.message),
      ).toEqual([
        'Toolkit "Healthy Relationships" has no mandatory foundation module for the Female audience.',
        'Toolkit "Healthy Relationships" has no mandatory foundation module for the Same-sex male (male, male partner) audience.',
      ])
    })
  })

  describe('the selection', () => {
    it('should require at least one audience, locale and accent', () => {
      const result = preflight({ ...base, audiences: [], locales: [], accents: [] })
      expect(result.ok).toBe(false)
      expect(result.problems).toEqual([
        {
          code: 'no-audiences',
          message: 'Choose at least one audience for the release.',
          document: toolkitDoc,
        },
        {
          code: 'no-locales',
          message: 'Choose at least one locale for the release.',
          document: toolkitDoc,
        },
        {
          code: 'no-accents',
          message: 'Choose at least one accent for the release.',
          document: toolkitDoc,
        },
      ])
      expect(result.coverage.cells).toEqual({})
    })
  })

  describe('scripts', () => {
    it.each([
      ['inReview', 'Script "Script: First Meeting" is in review, not approved.'],
      ['draft', 'Script "Script: First Meeting" is a draft, not approved.'],
      ['changesRequested', 'Script "Script: First Meeting" has changes requested, not approved.'],
    ] as const)('should report a script that is %s', (status, message) => {
      expect(preflight(withScript('s1', { status }))).toMatchObject({
        ok: false,
        problems: [
          {
            code: 'script-not-approved',
            message,
            document: scriptDoc('s1', 'Script: First Meeting'),
          },
        ],
      })
    })

    it('should report an approved script with unpublished changes', () => {
      expect(preflight(withScript('s2', { hasUnpublishedDraft: true })).problems).toEqual([
        {
          code: 'unpublished-draft',
          message:
            'Script "Script: Supervision Goals" has unpublished changes; publish or discard them.',
          document: scriptDoc('s2', 'Script: Supervision Goals'),
        },
      ])
    })

    it('should report both when a script is unapproved and has unpublished changes', () => {
      const problems = preflight(
        withScript('s2', { status: 'changesRequested', hasUnpublishedDraft: true }),
      ).problems
      expect(problems.map((p) => p.code)).toEqual(['script-not-approved', 'unpublished-draft'])
    })

    it("should check a variant's own script for its audience", () => {
      const result = preflight(withScript('s1f', { status: 'inReview' }))
      expect(result.problems).toEqual([
        {
          code: 'script-not-approved',
          message: 'Script "Script: First Meeting (female)" is in review, not approved.',
          document: scriptDoc('s1f', 'Script: First Meeting (female)'),
        },
      ])
    })

    it('should not check the base clip script for an audience that only sees the variant', () => {
      const input = { ...withScript('s1', { status: 'draft' }), audiences: [female] }
      expect(preflight(input).problems).toEqual([])
    })

    it('should report a used clip that has no script', () => {
      const input = { ...base, scripts: scripts.filter((s) => s.id !== 's4') }
      expect(preflight(input).problems).toEqual([
        {
          code: 'no-script',
          message: 'Clip "Jealousy" has no script.',
          document: clipDoc('c4', 'Jealousy'),
        },
      ])
    })

    it('should check every script of a clip', () => {
      const input = {
        ...base,
        scripts: [
          ...scripts,
          script('s4b', 'c4', 'Script: Jealousy (pick-ups)', { status: 'draft' }),
        ],
      }
      expect(preflight(input).problems.map((p) => p.message)).toEqual([
        'Script "Script: Jealousy (pick-ups)" is a draft, not approved.',
      ])
    })
  })

  describe('media', () => {
    it.each([
      [
        { status: 'queued', durationMs: null },
        'Clip "Naming Feelings" is waiting to be processed.',
      ],
      [
        { status: 'processing', durationMs: null },
        'Clip "Naming Feelings" is still being processed.',
      ],
      [
        { status: 'failed', durationMs: 45_000, reason: 'Geordie (North East) is 3.2 s too long.' },
        'Clip "Naming Feelings" failed processing: Geordie (North East) is 3.2 s too long.',
      ],
      [
        { status: 'failed', durationMs: null, reason: null },
        'Clip "Naming Feelings" failed processing.',
      ],
    ] as const)('should report a clip whose media is %j', (processing, message) => {
      expect(preflight(withClip('c3', { processing })).problems).toEqual([
        { code: 'media-not-ready', message, document: clipDoc('c3', 'Naming Feelings') },
      ])
    })

    it('should report a missing voice track for a chosen accent only', () => {
      const voiceTracks = [{ accentId: 'ac1', stale: false, file: file('x') }]
      expect(preflight(withClip('c2', { voiceTracks })).problems).toEqual([
        {
          code: 'missing-voice-track',
          message: 'Clip "Supervision Goals" has no voice track for Scouse (Merseyside).',
          document: clipDoc('c2', 'Supervision Goals'),
        },
      ])
      expect(preflight({ ...withClip('c2', { voiceTracks }), accents: [geordie] }).ok).toBe(true)
    })

    it('should report a stale voice track for a chosen accent only', () => {
      const voiceTracks = [
        { accentId: 'ac1', stale: true, file: file('x') },
        { accentId: 'ac2', stale: false, file: file('y') },
        { accentId: 'ac3', stale: true, file: file('z') },
      ]
      expect(preflight(withClip('c2', { voiceTracks })).problems).toEqual([
        {
          code: 'stale-voice-track',
          message:
            'Clip "Supervision Goals" has a stale voice track for Geordie (North East): the script changed after it was recorded.',
          document: clipDoc('c2', 'Supervision Goals'),
        },
      ])
      expect(preflight({ ...withClip('c2', { voiceTracks }), accents: [scouse] }).problems).toEqual(
        [],
      )
    })

    it('should report a voice track missing for every used clip when an accent is added', () => {
      const result = preflight({ ...base, audiences: [mainstream], accents: [southWales] })
      expect(result.problems.map((p) => [p.code, p.document.id])).toEqual([
        ['missing-voice-track', 'c1'],
        ['missing-voice-track', 'c2'],
        ['missing-voice-track', 'c3'],
        ['missing-voice-track', 'c4'],
      ])
    })

    it('should report missing captions for a chosen locale only', () => {
      const captions = [{ locale: 'en-GB', stale: false, file: file('x') }]
      expect(preflight(withClip('c5', { captions })).problems).toEqual([
        {
          code: 'missing-caption',
          message: 'Clip "Staying Safe" has no captions for locale cy.',
          document: clipDoc('c5', 'Staying Safe'),
        },
      ])
      expect(preflight({ ...withClip('c5', { captions }), locales: ['en-GB'] }).ok).toBe(true)
    })

    it('should report stale captions for a chosen locale only', () => {
      const captions = [
        { locale: 'en-GB', stale: true, file: file('x') },
        { locale: 'cy', stale: false, file: file('y') },
      ]
      expect(preflight(withClip('c5', { captions })).problems).toEqual([
        {
          code: 'stale-caption',
          message:
            'Clip "Staying Safe" has stale captions for locale en-GB: the script changed after they were made.',
          document: clipDoc('c5', 'Staying Safe'),
        },
      ])
      expect(preflight({ ...withClip('c5', { captions }), locales: ['cy'] }).ok).toBe(true)
    })

    it('should report a clip once however many exercises and audiences use it', () => {
      const input = {
        ...withClip('c2', { processing: { status: 'processing', durationMs: null } }),
        exercises: [...exercises, exercise('e6', 'm2', 3, 'Goals again', 'c2')],
      }
      expect(preflight(input).problems).toEqual([
        {
          code: 'media-not-ready',
          message: 'Clip "Supervision Goals" is still being processed.',
          document: clipDoc('c2', 'Supervision Goals'),
        },
      ])
    })
  })

  describe('coverage', () => {
    it('should report an exercise with no clip once, and mark it in every audience', () => {
      const input = {
        ...base,
        exercises: exercises.map((e) => (e.id === 'e2' ? { ...e, clipId: null } : e)),
      }
      const result = preflight(input)
      expect(result.problems).toEqual([
        {
          code: 'no-clip',
          message: 'Exercise "What I want from supervision" has no clip.',
          document: { collection: 'exercises', id: 'e2', title: 'What I want from supervision' },
        },
      ])
      for (const audience of ['a1', 'a2', 'a3']) {
        expect(result.coverage.cells[audience].e2).toEqual({
          problem: 'Exercise "What I want from supervision" has no clip.',
        })
      }
    })

    it('should report an audience left without a clip, and only for that audience', () => {
      const input = withClip('c3', { audiences: ['a1', 'a2'] })
      const result = preflight(input)
      const message =
        'Clip "Naming Feelings" (exercise "Naming feelings") is not for the Same-sex male (male, male partner) audience and has no variant for it.'
      expect(result.problems).toEqual([
        {
          code: 'clip-not-for-audience',
          message,
          document: { collection: 'exercises', id: 'e3', title: 'Naming feelings' },
        },
      ])
      expect(result.coverage.cells.a1.e3).toEqual({
        clipId: 'c3',
        clipTitle: 'Naming Feelings',
        viaVariant: false,
      })
      expect(result.coverage.cells.a3.e3).toEqual({ problem: message })
    })

    it('should report an exercise whose clip does not exist or is a variant', () => {
      const input = {
        ...base,
        audiences: [mainstream],
        exercises: exercises.map((e) =>
          e.id === 'e1' ? { ...e, clipId: 'c404' } : e.id === 'e3' ? { ...e, clipId: 'c1f' } : e,
        ),
      }
      expect(preflight(input).problems).toEqual([
        {
          code: 'clip-not-found',
          message: 'Exercise "First meeting" uses clip c404, which was not found.',
          document: { collection: 'exercises', id: 'e1', title: 'First meeting' },
        },
        {
          code: 'clip-is-variant',
          message:
            'Exercise "Naming feelings" uses "First Meeting (female)", an audience variant; choose its base clip.',
          document: { collection: 'exercises', id: 'e3', title: 'Naming feelings' },
        },
      ])
    })

    it('should still check the clips that do resolve when some exercises do not', () => {
      const input = {
        ...withClip('c4', { poster: null, processing: { status: 'queued', durationMs: null } }),
        exercises: exercises.map((e) => (e.id === 'e1' ? { ...e, clipId: null } : e)),
      }
      expect(preflight(input).problems.map((p) => p.code)).toEqual(['no-clip', 'media-not-ready'])
    })
  })

  it('should list problems in a stable order: selection, toolkit, exercises, then clips', () => {
    const input: PreflightInput = {
      ...base,
      accents: [geordie, southWales],
      modules: modules.map((m) => ({ ...m, mandatory: false })),
      exercises: exercises.map((e) => (e.id === 'e3' ? { ...e, clipId: null } : e)),
      clips: clips.map((c) =>
        c.id === 'c2' ? { ...c, processing: { status: 'processing', durationMs: null } } : c,
      ),
      scripts: scripts.map((s) => (s.id === 's1' ? { ...s, status: 'inReview' } : s)),
    }
    expect(preflight(input).problems.map((p) => `${p.code} ${p.document.id}`)).toEqual([
      'no-foundation t1',
      'no-clip e3',
      'script-not-approved s1',
      'missing-voice-track c1',
      'media-not-ready c2',
      'missing-voice-track c2',
      'missing-voice-track c4',
      'missing-voice-track c1f',
      'missing-voice-track c5',
    ])
  })

  describe('consent', () => {
    const sam = (withdrawn: Record<string, string>) => ({
      pseudonym: 'Sam',
      choices: { credit: true, words: !withdrawn.words, voice: !withdrawn.voice },
      withdrawn,
    })
    const sources = {
      approvers: { s1: ['u1'], s3x: ['u1'] },
      recorders: { c2: { ac1: 'u1' }, c5: { ac1: 'u1' } },
    }

    it('should pass work whose consent stands, and people with no record', () => {
      expect(preflight({ ...base, consent: { sources, people: { u1: sam({}) } } }).ok).toBe(true)
      expect(preflight({ ...base, consent: { sources, people: {} } }).ok).toBe(true)
    })

    it('should block words and voices withdrawn, naming the person by pseudonym and the date', () => {
      const people = {
        u1: sam({ words: '2026-12-02T10:00:00.000Z', voice: '2026-12-03T10:00:00.000Z' }),
      }
      const problems = preflight({ ...base, consent: { sources, people } }).problems
      expect(problems.map((p) => [p.code, p.document.id, p.message])).toEqual([
        [
          'consent-withdrawn',
          's1',
          'Script "Script: First Meeting" was approved by Sam, who withdrew consent to use their words on 2 December 2026. Reopen the script, replace their words or have it approved again by others.',
        ],
        [
          'consent-withdrawn',
          'c2',
          'Clip "Supervision Goals" uses the voice of Sam for Geordie (North East), who withdrew consent to use their voice on 3 December 2026. Replace the voice track.',
        ],
        [
          'consent-withdrawn',
          'c5',
          'Clip "Staying Safe" uses the voice of Sam for Geordie (North East), who withdrew consent to use their voice on 3 December 2026. Replace the voice track.',
        ],
      ])
    })

    it('should not block what the release leaves out: other accents, unused clips', () => {
      const people = { u1: sam({ voice: '2026-12-03T10:00:00.000Z' }) }
      const scouseOnly = { ...base, accents: [scouse], consent: { sources, people } }
      expect(preflight(scouseOnly).ok).toBe(true)
      const mainstreamOnly = { ...base, audiences: [mainstream], consent: { sources, people } }
      expect(preflight(mainstreamOnly).problems.map((p) => p.document.id)).toEqual(['c2'])
    })
  })
})
