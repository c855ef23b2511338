import { describe, expect, it } from 'vitest'

import {
  type AudienceRef,
  checkExerciseClip,
  checkVariantFields,
  effectiveAudiences,
} from '../../src/domain/variants/audienceFit'

const women: AudienceRef = { id: 1, label: 'Women' }
const youngAdults: AudienceRef = { id: 2, label: 'Young adults' }
const welsh: AudienceRef = { id: 3, label: 'Welsh speakers' }

const baseClip = (audiences: AudienceRef[]) => ({
  title: 'Dean at the job centre',
  audiences,
  isVariant: false,
})

describe('effectiveAudiences', () => {
  it('should return all when neither the exercise nor the module is restricted', () => {
    expect(effectiveAudiences([], [])).toBe('all')
  })

  it('should return the exercise audiences when only the exercise is restricted', () => {
    expect(effectiveAudiences([women, youngAdults], [])).toEqual([women, youngAdults])
  })

  it('should return the module audiences when only the module is restricted', () => {
    expect(effectiveAudiences([], [welsh])).toEqual([welsh])
  })

  it('should return the exercise audiences that are also in the module', () => {
    expect(effectiveAudiences([women, youngAdults, welsh], [welsh, women])).toEqual([women, welsh])
  })

  it('should match audience ids given as numbers and as strings', () => {
    expect(effectiveAudiences([women, youngAdults], [{ id: '2', label: 'Young adults' }])).toEqual([
      youngAdults,
    ])
  })

  it('should return an empty list when exercise and module audiences do not overlap', () => {
    expect(effectiveAudiences([women], [welsh])).toEqual([])
  })
})

describe('checkExerciseClip', () => {
  it('should reject an audience variant and name the clip', () => {
    expect(
      checkExerciseClip({
        clip: { title: 'Dean (Welsh)', audiences: [welsh], isVariant: true },
        exerciseAudiences: [welsh],
        moduleAudiences: [],
      }),
    ).toBe(
      'Clip "Dean (Welsh)" is an audience variant. Choose its base clip: variants are picked automatically for each audience.',
    )
  })

  it('should reject a variant even when it suits every audience', () => {
    expect(
      checkExerciseClip({
        clip: { title: 'Dean (alt)', audiences: [], isVariant: true },
        exerciseAudiences: [],
        moduleAudiences: [],
      }),
    ).toBe(
      'Clip "Dean (alt)" is an audience variant. Choose its base clip: variants are picked automatically for each audience.',
    )
  })

  it('should accept an unrestricted clip for an exercise shown to everyone', () => {
    expect(
      checkExerciseClip({ clip: baseClip([]), exerciseAudiences: [], moduleAudiences: [] }),
    ).toBeNull()
  })

  it('should accept an unrestricted clip for a restricted exercise', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([]),
        exerciseAudiences: [women],
        moduleAudiences: [welsh],
      }),
    ).toBeNull()
  })

  it('should reject a restricted clip for an exercise shown to every audience', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([women, youngAdults]),
        exerciseAudiences: [],
        moduleAudiences: [],
      }),
    ).toBe(
      'Clip "Dean at the job centre" is restricted to Women, Young adults, but this exercise is shown to every audience. Restrict the exercise or choose another clip.',
    )
  })

  it('should accept a restricted clip when every audience of the exercise is allowed', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([women, youngAdults]),
        exerciseAudiences: [women],
        moduleAudiences: [],
      }),
    ).toBeNull()
  })

  it('should accept a restricted clip when the module narrows the exercise to allowed audiences', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([women]),
        exerciseAudiences: [women, welsh],
        moduleAudiences: [women],
      }),
    ).toBeNull()
  })

  it('should accept a restricted clip when the module alone restricts to allowed audiences', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([{ id: '3', label: 'Welsh speakers' }]),
        exerciseAudiences: [],
        moduleAudiences: [welsh],
      }),
    ).toBeNull()
  })

  it('should name the clip, its audiences and the audiences outside it', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([women]),
        exerciseAudiences: [women, youngAdults, welsh],
        moduleAudiences: [],
      }),
    ).toBe(
      'Clip "Dean at the job centre" is restricted to Women, but this exercise is also shown to Young adults, Welsh speakers.',
    )
  })

  it('should report module audiences outside the clip when the exercise is unrestricted', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([women, welsh]),
        exerciseAudiences: [],
        moduleAudiences: [youngAdults, welsh],
      }),
    ).toBe(
      'Clip "Dean at the job centre" is restricted to Women, Welsh speakers, but this exercise is also shown to Young adults.',
    )
  })

  it('should accept a restricted clip when the exercise is shown to nobody', () => {
    expect(
      checkExerciseClip({
        clip: baseClip([women]),
        exerciseAudiences: [youngAdults],
        moduleAudiences: [welsh],
      }),
    ).toBeNull()
  })
})

describe('checkVariantFields', () => {
  const base = { id: 10, title: 'Dean at the job centre', isVariant: false }

  it('should accept a base clip with no variant fields', () => {
    expect(checkVariantFields({ clipId: 5 })).toEqual([])
    expect(checkVariantFields({ clipId: 5, variantOf: null, variantAudience: null })).toEqual([])
  })

  it.each([3, 0, '3'])(
    'should ask for the base clip when only an audience (%j) is set',
    (audience) => {
      expect(checkVariantFields({ clipId: 5, variantOf: null, variantAudience: audience })).toEqual(
        [
          {
            path: 'variantOf',
            message:
              'A variant audience is set but no base clip: choose the clip this is a variant of.',
          },
        ],
      )
    },
  )

  it('should accept a variant of a base clip with an audience and no sibling', () => {
    expect(
      checkVariantFields({
        clipId: 11,
        variantOf: base,
        variantAudience: 3,
        siblingWithSameAudience: null,
      }),
    ).toEqual([])
  })

  it('should accept a new variant that has no id yet', () => {
    expect(checkVariantFields({ variantOf: base, variantAudience: 3 })).toEqual([])
  })

  it('should reject a clip that is a variant of itself, comparing ids as strings', () => {
    expect(checkVariantFields({ clipId: '10', variantOf: base, variantAudience: 3 })).toEqual([
      { path: 'variantOf', message: 'A clip cannot be a variant of itself.' },
    ])
  })

  it('should report only the self reference when a variant points at itself', () => {
    expect(
      checkVariantFields({
        clipId: 10,
        variantOf: { ...base, isVariant: true },
        variantAudience: 3,
      }),
    ).toEqual([{ path: 'variantOf', message: 'A clip cannot be a variant of itself.' }])
  })

  it('should reject a variant of a variant and name it', () => {
    expect(
      checkVariantFields({
        clipId: 12,
        variantOf: { id: 11, title: 'Dean (Welsh)', isVariant: true },
        variantAudience: 3,
      }),
    ).toEqual([
      { path: 'variantOf', message: '"Dean (Welsh)" is itself a variant; choose its base clip.' },
    ])
  })

  it.each([undefined, null])('should ask for the audience when it is %j', (audience) => {
    expect(checkVariantFields({ clipId: 11, variantOf: base, variantAudience: audience })).toEqual([
      { path: 'variantAudience', message: 'Choose the audience this variant is for.' },
    ])
  })

  it('should reject a second variant for the same audience and name both clips', () => {
    expect(
      checkVariantFields({
        clipId: 12,
        variantOf: base,
        variantAudience: 3,
        siblingWithSameAudience: { title: 'Dean (Welsh)' },
      }),
    ).toEqual([
      {
        path: 'variantAudience',
        message:
          '"Dean at the job centre" already has a variant for this audience: "Dean (Welsh)".',
      },
    ])
  })

  it('should ignore the sibling check when no audience is chosen', () => {
    expect(
      checkVariantFields({
        clipId: 12,
        variantOf: base,
        variantAudience: null,
        siblingWithSameAudience: { title: 'Dean (Welsh)' },
      }),
    ).toEqual([{ path: 'variantAudience', message: 'Choose the audience this variant is for.' }])
  })

  it('should report problems with both fields together', () => {
    expect(
      checkVariantFields({
        clipId: 12,
        variantOf: { id: 11, title: 'Dean (Welsh)', isVariant: true },
        variantAudience: null,
      }),
    ).toEqual([
      { path: 'variantOf', message: '"Dean (Welsh)" is itself a variant; choose its base clip.' },
      { path: 'variantAudience', message: 'Choose the audience this variant is for.' },
    ])
  })
})
