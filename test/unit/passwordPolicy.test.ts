import { describe, expect, it } from 'vitest'

import { DEMO_USERS } from '../../seed/demoUsers'
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
} from '../../src/domain/auth/passwordPolicy'
import { commonPasswords } from '../../src/lib/auth/commonPasswords'

const check = (password: string) =>
  passwordProblem({ password, commonPasswords: commonPasswords() })

describe('passwordProblem', () => {
  it('should refuse fewer than 12 characters, saying how many it has', () => {
    expect(check('short-pass1')).toMatch(
      /too short: use at least 12 characters \(this one has 11\)/,
    )
  })

  it('should count characters as people do, not UTF-16 units', () => {
    expect([...'ééééééééééé'].length).toBe(11)
    expect(check('e\u0301'.repeat(11))).toMatch(/this one has 11/)
    expect(check('🐈'.repeat(11))).toMatch(/this one has 11/)
    expect(check('🐈'.repeat(12) + 'x')).toBeNull()
  })

  it('should accept 12 characters and refuse more than 128', () => {
    expect(check('a'.repeat(5) + '-tortoise!')).toBeNull()
    expect(MIN_PASSWORD_LENGTH).toBe(12)
    expect(check('lantern '.repeat(16))).toBeNull()
    expect(check('x'.repeat(MAX_PASSWORD_LENGTH + 1))).toMatch(/too long: use at most 128/)
  })

  it.each(['password1234', 'PASSWORD1234', 'QwertyUiop123', '1q2w3e4r5t6y', 'Administrator'])(
    'should refuse the common password %j whatever its case',
    (password) => {
      expect(check(password)).toMatch(/list of commonly used passwords/)
    },
  )

  it('should ship a list of tens of thousands of passwords, no network needed', () => {
    expect(commonPasswords().size).toBeGreaterThan(40_000)
    expect(commonPasswords().has('password')).toBe(true)
  })

  it('should accept every demo password published in the README', () => {
    for (const user of DEMO_USERS) expect(check(user.password), user.email).toBeNull()
  })
})
