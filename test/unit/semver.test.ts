import { describe, expect, it } from 'vitest'

import {
  compareSemver,
  isValidSemver,
  nextMustBeGreater,
  parseSemver,
} from '../../src/domain/releases/semver'

describe('parseSemver', () => {
  it('should parse a plain version', () => {
    expect(parseSemver('1.2.3')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: [],
      build: [],
    })
  })

  it('should parse pre-release identifiers and build metadata', () => {
    expect(parseSemver('1.0.0-alpha.1+build.5.sha-2f1c')).toEqual({
      major: 1,
      minor: 0,
      patch: 0,
      prerelease: ['alpha', '1'],
      build: ['build', '5', 'sha-2f1c'],
    })
  })

  it('should parse build metadata without a pre-release', () => {
    expect(parseSemver('2.0.0+20261127')).toEqual({
      major: 2,
      minor: 0,
      patch: 0,
      prerelease: [],
      build: ['20261127'],
    })
  })

  it('should accept hyphens inside pre-release identifiers and leading zeros in build metadata', () => {
    expect(parseSemver('1.0.0-x-y-z.--+001')).toEqual({
      major: 1,
      minor: 0,
      patch: 0,
      prerelease: ['x-y-z', '--'],
      build: ['001'],
    })
  })

  it('should accept an alphanumeric pre-release identifier that starts with a zero', () => {
    expect(parseSemver('1.0.0-0abc')?.prerelease).toEqual(['0abc'])
  })

  it.each([
    '',
    '1',
    '1.2',
    '1.2.3.4',
    'v1.2.3',
    ' 1.2.3',
    '1.2.3 ',
    '01.2.3',
    '1.02.3',
    '1.2.03',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-01',
    '1.2.3-alpha..1',
    '1.2.3-alpha_1',
    '1.2.3+build..1',
    '-1.2.3',
    '1.2.3-beta+',
    '9007199254740992.0.0',
  ])('should reject %j', (version) => {
    expect(parseSemver(version)).toBeNull()
    expect(isValidSemver(version)).toBe(false)
  })

  it('should accept the largest safe integer as a version number', () => {
    expect(parseSemver('9007199254740991.0.0')?.major).toBe(9007199254740991)
  })
})

describe('isValidSemver', () => {
  it.each(['0.0.0', '1.2.3', '10.20.30', '1.0.0-rc.1', '1.0.0+meta', '1.0.0-0.3.7'])(
    'should accept %j',
    (version) => {
      expect(isValidSemver(version)).toBe(true)
    },
  )
})

describe('compareSemver', () => {
  // The precedence example from the specification (section 11), plus normal versions around it.
  const ascending = [
    '0.9.9',
    '1.0.0-0',
    '1.0.0-1',
    '1.0.0-2',
    '1.0.0-10',
    '1.0.0-Alpha',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.9.0',
    '1.10.0',
    '2.0.0',
  ]

  it('should order every pair of versions as the specification does', () => {
    for (const [i, a] of ascending.entries()) {
      for (const [j, b] of ascending.entries()) {
        const expected = i < j ? -1 : i > j ? 1 : 0
        expect([a, b, compareSemver(a, b)]).toEqual([a, b, expected])
      }
    }
  })

  it('should sort a shuffled list into precedence order', () => {
    const shuffled = [...ascending].reverse().sort((a, b) => a.length - b.length)
    expect(shuffled.sort(compareSemver)).toEqual(ascending)
  })

  it('should ignore build metadata', () => {
    expect(compareSemver('1.0.0+build.1', '1.0.0+build.2')).toBe(0)
    expect(compareSemver('1.0.0+build.1', '1.0.0')).toBe(0)
    expect(compareSemver('1.0.0-rc.1+a', '1.0.0-rc.1+b')).toBe(0)
  })

  it('should compare numeric identifiers by value, not as text', () => {
    expect(compareSemver('1.0.0-beta.11', '1.0.0-beta.9')).toBe(1)
    expect(compareSemver('10.0.0', '9.0.0')).toBe(1)
  })

  it('should compare numeric pre-release identifiers beyond the safe integer range exactly', () => {
    expect(compareSemver('1.0.0-99999999999999999999', '1.0.0-99999999999999999998')).toBe(1)
    expect(compareSemver('1.0.0-9999999999999999999', '1.0.0-10000000000000000000')).toBe(-1)
  })

  it('should rank numeric identifiers below alphanumeric ones', () => {
    expect(compareSemver('1.0.0-999', '1.0.0-a')).toBe(-1)
    expect(compareSemver('1.0.0-rc.a', '1.0.0-rc.1')).toBe(1)
  })

  it('should throw on an invalid version', () => {
    expect(() => compareSemver('1.0', '1.0.0')).toThrow('"1.0" is not a valid semantic version.')
    expect(() => compareSemver('1.0.0', 'latest')).toThrow(
      '"latest" is not a valid semantic version.',
    )
  })
})

describe('nextMustBeGreater', () => {
  it('should accept any valid version for a first release', () => {
    expect(nextMustBeGreater(null, '0.1.0')).toBeNull()
    expect(nextMustBeGreater(null, '1.0.0-rc.1')).toBeNull()
  })

  it('should accept a greater version', () => {
    expect(nextMustBeGreater('1.3.0', '1.3.1')).toBeNull()
    expect(nextMustBeGreater('1.3.0', '1.4.0')).toBeNull()
    expect(nextMustBeGreater('1.9.0', '1.10.0')).toBeNull()
    expect(nextMustBeGreater('1.3.0', '2.0.0-alpha')).toBeNull()
  })

  it('should accept the release that follows its own pre-release', () => {
    expect(nextMustBeGreater('2.0.0-rc.1', '2.0.0')).toBeNull()
    expect(nextMustBeGreater('2.0.0-rc.1', '2.0.0-rc.2')).toBeNull()
  })

  it('should reject a smaller version', () => {
    expect(nextMustBeGreater('1.3.0', '1.2.0')).toBe(
      '1.2.0 must be greater than the previous release 1.3.0',
    )
  })

  it('should reject the same version', () => {
    expect(nextMustBeGreater('1.3.0', '1.3.0')).toBe(
      '1.3.0 must be greater than the previous release 1.3.0',
    )
  })

  it('should reject a version that differs only in build metadata', () => {
    expect(nextMustBeGreater('1.3.0+build.1', '1.3.0+build.2')).toBe(
      '1.3.0+build.2 must be greater than the previous release 1.3.0+build.1',
    )
  })

  it('should reject a pre-release of the previous version', () => {
    expect(nextMustBeGreater('2.0.0', '2.0.0-rc.1')).toBe(
      '2.0.0-rc.1 must be greater than the previous release 2.0.0',
    )
  })

  it('should explain an invalid version before comparing', () => {
    expect(nextMustBeGreater('1.3.0', 'v1.4')).toBe(
      '"v1.4" is not a valid version: use MAJOR.MINOR.PATCH, for example 1.0.0',
    )
    expect(nextMustBeGreater(null, '1.4')).toBe(
      '"1.4" is not a valid version: use MAJOR.MINOR.PATCH, for example 1.0.0',
    )
  })

  it('should ask for a version when it is empty', () => {
    expect(nextMustBeGreater('1.3.0', '')).toBe(
      'Enter a version: use MAJOR.MINOR.PATCH, for example 1.0.0',
    )
  })
})
