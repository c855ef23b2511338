import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { checkApiKey } from '../../src/domain/auth/apiKeyRules'

describe('checkApiKey', () => {
  it('should accept the random UUIDs the admin generates', () => {
    expect(checkApiKey(randomUUID())).toBeNull()
    expect(checkApiKey('k'.repeat(256))).toBeNull()
  })

  it('should refuse keys too short to be safe as a fast hash, saying how to make one', () => {
    expect(checkApiKey('password123')).toBe(
      'An API key must be at least 32 characters (this one has 11): use the admin\'s "Generate new API key" button, or a random UUID.',
    )
    expect(checkApiKey('k'.repeat(31))).toMatch(/^An API key must be at least 32 characters/)
  })

  it('should refuse keys that are too long or could not travel in a header', () => {
    expect(checkApiKey('k'.repeat(257))).toBe(
      'An API key must be at most 256 characters (this one has 257).',
    )
    expect(checkApiKey(`${randomUUID()} ${randomUUID()}`)).toMatch(/only visible ASCII/)
    expect(checkApiKey(`${randomUUID()}\n${randomUUID()}`)).toMatch(/only visible ASCII/)
    expect(checkApiKey(`${randomUUID()}é`)).toMatch(/only visible ASCII/)
  })
})
