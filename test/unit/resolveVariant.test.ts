import { describe, expect, it } from 'vitest'

import type { Audience, Clip, Exercise, Module } from '../../src/domain/releases/model'
import {
  isForAudience,
  resolveToolkitForAudience,
  resolveVariant,
  sortByOrder,
} from '../../src/domain/variants/resolveVariant'

const mainstream: Audience = { id: 'a1', slug: 'mainstream', label: 'Mainstream' }
const female: Audience = { id: 'a2', slug: 'female', label: 'Female' }
const sameSex: Audience = { id: 'a3', slug: 'same-sex-male', label: 'Same-sex male' }

const clip = (id: string, overrides: Partial<Clip> = {}): Clip => ({
  id,
  slug: `clip-${id}`,
  title: `Clip ${id}`,
  audiences: [],
  variantOf: null,
  variantAudience: null,
  processing: { status: 'ready', durationMs: 45_000 },
  voiceTracks: [],
  captions: [],
  poster: null,
  hls: null,
  offline: [],
  ...overrides,
})

const makeModule = (id: string, order: number, overrides: Partial<Module> = {}): Module => ({
  id,
  slug: `module-${id}`,
  title: `Module ${id}`,
  order,
  mandatory: false,
  audiences: [],
  ...overrides,
})

const exercise = (
  id: string,
  moduleId: string,
  order: number,
  clipId: string | null,
  overrides: Partial<Exercise> = {},
): Exercise => ({
  id,
  moduleId,
  slug: `exercise-${id}`,
  title: `Exercise ${id}`,
  order,
  clipId,
  audiences: [],
  minutes: 10,
  worksheet: { intro: '', questions: [] },
  task: '',
  keyPoints: [],
  diaryPrompts: [],
  ...overrides,
})

/** A compact view of a resolution: module slug → [exercise id, clip id or problem code]. */
const outline = (resolved: ReturnType<typeof resolveToolkitForAudience>) =>
  resolved.map(({ module, exercises }) => [
    module.id,
    exercises.map((e) => [
      e.exercise.id,
      e.problem ? e.problem.code : `${e.clip.id}${e.viaVariant ? ' (variant)' : ''}`,
    ]),
  ])

describe('resolveVariant', () => {
  const base = clip('c1')
  const forFemale = clip('c2', { variantOf: 'c1', variantAudience: 'a2' })
  const forSameSex = clip('c3', { variantOf: 'c1', variantAudience: 'a3' })
  const otherBase = clip('c4')
  const variantOfOther = clip('c5', { variantOf: 'c4', variantAudience: 'a1' })

  it("should return the audience's variant of the clip when there is one", () => {
    expect(
      resolveVariant({ clip: base, variants: [forSameSex, forFemale], audience: female }),
    ).toBe(forFemale)
  })

  it('should return the base clip when the audience has no variant', () => {
    expect(
      resolveVariant({ clip: base, variants: [forFemale, forSameSex], audience: mainstream }),
    ).toBe(base)
  })

  it('should ignore variants of other clips made for the same audience', () => {
    expect(resolveVariant({ clip: base, variants: [variantOfOther], audience: mainstream })).toBe(
      base,
    )
  })

  it('should return the base clip when given no variants at all', () => {
    expect(resolveVariant({ clip: base, variants: [], audience: female })).toBe(base)
  })

  it('should accept the full list of clips, base clips included', () => {
    expect(
      resolveVariant({
        clip: base,
        variants: [base, otherBase, variantOfOther, forFemale, forSameSex],
        audience: sameSex,
      }),
    ).toBe(forSameSex)
  })

  it('should pick the first variant when two are made for the same audience', () => {
    const duplicate = clip('c9', { variantOf: 'c1', variantAudience: 'a2' })
    expect(resolveVariant({ clip: base, variants: [duplicate, forFemale], audience: female })).toBe(
      duplicate,
    )
  })
})

describe('isForAudience', () => {
  it('should treat an empty audience list as every audience', () => {
    expect(isForAudience([], 'a1')).toBe(true)
  })

  it('should accept an audience in the list', () => {
    expect(isForAudience(['a2', 'a1'], 'a1')).toBe(true)
  })

  it('should reject an audience not in the list', () => {
    expect(isForAudience(['a2'], 'a1')).toBe(false)
  })
})

describe('sortByOrder', () => {
  it('should sort by order, then slug, then id, without changing the input', () => {
    const items = [
      { id: '4', slug: 'b', order: 2 },
      { id: '3', slug: 'a', order: 2 },
      { id: '2', slug: 'a', order: 2 },
      { id: '1', slug: 'z', order: 1 },
    ]
    expect(sortByOrder(items).map((i) => i.id)).toEqual(['1', '2', '3', '4'])
    expect(items.map((i) => i.id)).toEqual(['4', '3', '2', '1'])
  })
})

describe('resolveToolkitForAudience', () => {
  const clips = [
    clip('c1'),
    clip('c2'),
    clip('c1-female', { variantOf: 'c1', variantAudience: 'a2', audiences: ['a2'] }),
  ]

  it('should list modules and their exercises in order, whatever the input order', () => {
    const resolved = resolveToolkitForAudience({
      modules: [makeModule('m2', 2), makeModule('m1', 1)],
      exercises: [
        exercise('e3', 'm2', 1, 'c2'),
        exercise('e2', 'm1', 2, 'c2'),
        exercise('e1', 'm1', 1, 'c1'),
      ],
      clips,
      audience: mainstream,
    })
    expect(outline(resolved)).toEqual([
      [
        'm1',
        [
          ['e1', 'c1'],
          ['e2', 'c2'],
        ],
      ],
      ['m2', [['e3', 'c2']]],
    ])
  })

  it("should use the audience's variant and say so", () => {
    const resolved = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c1'), exercise('e2', 'm1', 2, 'c2')],
      clips,
      audience: female,
    })
    expect(outline(resolved)).toEqual([
      [
        'm1',
        [
          ['e1', 'c1-female (variant)'],
          ['e2', 'c2'],
        ],
      ],
    ])
    const first = resolved[0].exercises[0]
    expect(first.problem).toBeNull()
    expect(first.baseClip?.id).toBe('c1')
    expect(first.viaVariant).toBe(true)
  })

  it('should skip modules restricted to other audiences', () => {
    const modules = [makeModule('m1', 1), makeModule('m2', 2, { audiences: ['a2', 'a3'] })]
    const exercises = [exercise('e1', 'm1', 1, 'c1'), exercise('e2', 'm2', 1, 'c2')]
    expect(
      outline(resolveToolkitForAudience({ modules, exercises, clips, audience: mainstream })),
    ).toEqual([['m1', [['e1', 'c1']]]])
    expect(
      outline(resolveToolkitForAudience({ modules, exercises, clips, audience: sameSex })),
    ).toEqual([
      ['m1', [['e1', 'c1']]],
      ['m2', [['e2', 'c2']]],
    ])
  })

  it('should skip exercises restricted to other audiences and keep unrestricted ones', () => {
    const exercises = [
      exercise('e1', 'm1', 1, 'c1', { audiences: ['a2'] }),
      exercise('e2', 'm1', 2, 'c2'),
      exercise('e3', 'm1', 3, 'c2', { audiences: ['a1', 'a3'] }),
    ]
    const forAudience = (audience: Audience) =>
      outline(
        resolveToolkitForAudience({ modules: [makeModule('m1', 1)], exercises, clips, audience }),
      )
    expect(forAudience(mainstream)).toEqual([
      [
        'm1',
        [
          ['e2', 'c2'],
          ['e3', 'c2'],
        ],
      ],
    ])
    expect(forAudience(female)).toEqual([
      [
        'm1',
        [
          ['e1', 'c1-female (variant)'],
          ['e2', 'c2'],
        ],
      ],
    ])
  })

  it('should keep a module whose exercises are all for other audiences, with no exercises', () => {
    const resolved = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c1', { audiences: ['a2'] })],
      clips,
      audience: mainstream,
    })
    expect(outline(resolved)).toEqual([['m1', []]])
  })

  it('should ignore exercises of modules it was not given', () => {
    const resolved = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c1'), exercise('e9', 'elsewhere', 1, 'c1')],
      clips,
      audience: mainstream,
    })
    expect(outline(resolved)).toEqual([['m1', [['e1', 'c1']]]])
  })

  it('should report an exercise that has no clip', () => {
    const [{ exercises }] = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, null, { title: 'Warning signs' })],
      clips,
      audience: mainstream,
    })
    expect(exercises).toEqual([
      {
        exercise: expect.objectContaining({ id: 'e1' }),
        clip: null,
        baseClip: null,
        viaVariant: false,
        problem: { code: 'no-clip', message: 'Exercise "Warning signs" has no clip.' },
      },
    ])
  })

  it('should report an exercise whose clip is not among the clips given', () => {
    const [{ exercises }] = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c404', { title: 'Warning signs' })],
      clips,
      audience: mainstream,
    })
    expect(exercises[0].problem).toEqual({
      code: 'clip-not-found',
      message: 'Exercise "Warning signs" uses clip c404, which was not found.',
    })
  })

  it('should report an exercise that points straight at a variant', () => {
    const [{ exercises }] = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c1-female', { title: 'Warning signs' })],
      clips: [
        ...clips.slice(0, 2),
        clip('c1-female', {
          title: 'Dean (female)',
          variantOf: 'c1',
          variantAudience: 'a2',
        }),
      ],
      audience: female,
    })
    expect(exercises[0].problem).toEqual({
      code: 'clip-is-variant',
      message:
        'Exercise "Warning signs" uses "Dean (female)", an audience variant; choose its base clip.',
    })
    expect(exercises[0].baseClip?.id).toBe('c1-female')
  })

  it('should report a base clip restricted to other audiences with no variant for this one', () => {
    const restricted = clip('c7', { title: 'Dean at the job centre', audiences: ['a1', 'a3'] })
    const [{ exercises }] = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c7', { title: 'Warning signs' })],
      clips: [restricted],
      audience: female,
    })
    expect(exercises).toEqual([
      {
        exercise: expect.objectContaining({ id: 'e1' }),
        clip: null,
        baseClip: restricted,
        viaVariant: false,
        problem: {
          code: 'clip-not-for-audience',
          message:
            'Clip "Dean at the job centre" (exercise "Warning signs") is not for the Female audience and has no variant for it.',
        },
      },
    ])
  })

  it('should use a variant even when the base clip is restricted to other audiences', () => {
    const restricted = clip('c7', { audiences: ['a1'] })
    const variant = clip('c8', { variantOf: 'c7', variantAudience: 'a2' })
    const [{ exercises }] = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c7')],
      clips: [restricted, variant],
      audience: female,
    })
    expect(exercises[0]).toEqual({
      exercise: expect.objectContaining({ id: 'e1' }),
      clip: variant,
      baseClip: restricted,
      viaVariant: true,
      problem: null,
    })
  })

  it('should use a restricted base clip for an audience it is restricted to', () => {
    const restricted = clip('c7', { audiences: ['a1', 'a2'] })
    const [{ exercises }] = resolveToolkitForAudience({
      modules: [makeModule('m1', 1)],
      exercises: [exercise('e1', 'm1', 1, 'c7')],
      clips: [restricted],
      audience: female,
    })
    expect(exercises[0]).toMatchObject({ clip: restricted, viaVariant: false, problem: null })
  })

  it('should return nothing for a toolkit with no modules', () => {
    expect(
      resolveToolkitForAudience({ modules: [], exercises: [], clips, audience: mainstream }),
    ).toEqual([])
  })
})
