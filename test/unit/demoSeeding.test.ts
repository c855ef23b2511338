import { describe, expect, it } from 'vitest'

import { decideDemoSeeding } from '../../src/domain/config/demoSeeding'

const FLAG_ON = { shouldSeed: true, reason: 'SEED_DEMO=1 asks for the demo content and demo users' }
const FLAG_OFF = { shouldSeed: false, reason: 'SEED_DEMO=0 turns demo seeding off' }
const PRODUCTION = {
  shouldSeed: false,
  reason: 'production start: demo users are never seeded (set SEED_DEMO=1 to seed them anyway)',
}
const TEST_RUN = { shouldSeed: false, reason: 'test run: each test seeds what it needs' }
const DEVELOPMENT = {
  shouldSeed: true,
  reason: 'development start: seeding the demo if the database is empty',
}

const cases: [string | undefined, string | undefined, typeof FLAG_ON][] = [
  ['development', undefined, DEVELOPMENT],
  ['development', '1', FLAG_ON],
  ['development', 'true', FLAG_ON],
  ['development', '0', FLAG_OFF],
  ['development', 'false', FLAG_OFF],
  ['production', undefined, PRODUCTION],
  ['production', '1', FLAG_ON],
  ['production', 'true', FLAG_ON],
  ['production', '0', FLAG_OFF],
  ['production', 'false', FLAG_OFF],
  ['test', undefined, TEST_RUN],
  ['test', '1', FLAG_ON],
  ['test', 'true', FLAG_ON],
  ['test', '0', FLAG_OFF],
  ['test', 'false', FLAG_OFF],
  [undefined, undefined, DEVELOPMENT],
  [undefined, '1', FLAG_ON],
  [undefined, 'true', FLAG_ON],
  [undefined, '0', FLAG_OFF],
  [undefined, 'false', FLAG_OFF],
]

describe('decideDemoSeeding', () => {
  it.each(cases)(
    'should decide for NODE_ENV=%s and SEED_DEMO=%s',
    (nodeEnv, seedDemo, expected) => {
      expect(decideDemoSeeding({ nodeEnv, seedDemo })).toEqual(expected)
    },
  )

  it('should say that production never seeds demo users when no flag is given', () => {
    const decision = decideDemoSeeding({ nodeEnv: 'production', seedDemo: undefined })
    expect(decision.shouldSeed).toBe(false)
    expect(decision.reason).toContain('demo users are never seeded')
  })

  it('should ignore whitespace around the flag', () => {
    expect(decideDemoSeeding({ nodeEnv: 'production', seedDemo: ' 1 ' })).toEqual(FLAG_ON)
    expect(decideDemoSeeding({ nodeEnv: 'development', seedDemo: ' false\n' })).toEqual(FLAG_OFF)
  })

  it('should fall back to the environment default when the flag is blank', () => {
    expect(decideDemoSeeding({ nodeEnv: 'production', seedDemo: '' })).toEqual(PRODUCTION)
    expect(decideDemoSeeding({ nodeEnv: 'development', seedDemo: '  ' })).toEqual(DEVELOPMENT)
  })

  it('should not seed in production for an unrecognised flag value', () => {
    expect(decideDemoSeeding({ nodeEnv: 'production', seedDemo: 'yes' })).toEqual(PRODUCTION)
  })
})
