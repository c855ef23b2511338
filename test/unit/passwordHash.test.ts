import { describe, expect, it } from 'vitest'

import {
  CURRENT_PBKDF2,
  LEGACY_PBKDF2,
  parsePasswordHash,
  timingPadIterations,
} from '../../src/domain/auth/passwordHash'

describe('parsePasswordHash', () => {
  it("should read Payload's current format: PBKDF2-SHA256, 600,000 iterations, 32 bytes", () => {
    expect(parsePasswordHash('pbkdf2-sha256-v1:abcd')).toEqual({
      iterations: 600_000,
      keyLength: 32,
      digestHex: 'abcd',
    })
  })

  it('should read an unprefixed hash as the legacy 25,000 iterations, 512 bytes', () => {
    expect(parsePasswordHash('abcd')).toEqual({
      iterations: 25_000,
      keyLength: 512,
      digestHex: 'abcd',
    })
  })
})

describe('timingPadIterations', () => {
  it('should add nothing to a current hash', () => {
    expect(timingPadIterations(CURRENT_PBKDF2)).toBe(0)
  })

  it('should make a legacy hash (25,000 × 16 blocks) cost as much as a current one (600,000 × 1)', () => {
    expect(timingPadIterations(LEGACY_PBKDF2)).toBe(200_000)
    expect(LEGACY_PBKDF2.iterations * 16 + timingPadIterations(LEGACY_PBKDF2)).toBe(600_000)
  })
})
