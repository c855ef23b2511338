import { describe, expect, it } from 'vitest'

import {
  judgeSignIn,
  pairDelaySeconds,
  retryAfterSeconds,
  SIGN_IN_POLICY,
  signInPolicyFrom,
  throttledMessage,
  throttlesStartedBy,
  type SignInFacts,
} from '../../src/domain/auth/signInPolicy'

const policy = SIGN_IN_POLICY
const facts = (overrides: Partial<SignInFacts>): SignInFacts => ({
  accountExists: true,
  passwordMatches: true,
  accountFailuresBefore: 0,
  isKnownClient: false,
  ...overrides,
})

describe('the sign-in policy', () => {
  it('should stay within ASVS level 2: at most 100 failed attempts an hour on one account', () => {
    expect(policy.account.lockAfter).toBeLessThanOrEqual(100)
    expect(policy.account.windowSeconds).toBe(3600)
  })

  it('should read SIGN_IN_ACCOUNT_LOCK_AFTER and refuse values ASVS would not allow', () => {
    expect(signInPolicyFrom({}).account.lockAfter).toBe(100)
    expect(signInPolicyFrom({ SIGN_IN_ACCOUNT_LOCK_AFTER: '5' }).account.lockAfter).toBe(5)
    for (const value of ['0', '101', 'ten', '2.5']) {
      expect(() => signInPolicyFrom({ SIGN_IN_ACCOUNT_LOCK_AFTER: value })).toThrow(
        /whole number from 1 to 100/,
      )
    }
  })
})

describe('pairDelaySeconds', () => {
  it('should let three mistakes in a row pass, then double the wait from 1 s up to 15 min', () => {
    const delays = Array.from({ length: 16 }, (_, i) => pairDelaySeconds(i + 1, policy))
    expect(delays).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900])
  })

  it('should never exceed the cap, however many failures', () => {
    expect(pairDelaySeconds(1e9, policy)).toBe(900)
  })
})

describe('retryAfterSeconds and throttledMessage', () => {
  it('should round up and never say 0', () => {
    expect(retryAfterSeconds(0)).toBe(1)
    expect(retryAfterSeconds(1)).toBe(1)
    expect(retryAfterSeconds(1001)).toBe(2)
    expect(throttledMessage(900)).toBe('Too many failed sign-in attempts: try again in 15 min.')
    expect(throttledMessage(897)).toBe('Too many failed sign-in attempts: try again in 15 min.')
    expect(throttledMessage(61)).toBe('Too many failed sign-in attempts: try again in 2 min.')
    expect(throttledMessage(4)).toBe('Too many failed sign-in attempts: try again in 4 s.')
  })
})

describe('judgeSignIn', () => {
  it('should sign in the right password for an account that is not locked', () => {
    expect(judgeSignIn(facts({}), policy)).toEqual({ outcome: 'signIn' })
  })

  it('should refuse an unknown email and a wrong password, naming the reason for the log only', () => {
    expect(judgeSignIn(facts({ accountExists: false, passwordMatches: false }), policy)).toEqual({
      outcome: 'refuse',
      reason: 'unknownAccount',
      passwordWasRight: false,
    })
    expect(judgeSignIn(facts({ passwordMatches: false }), policy)).toMatchObject({
      reason: 'wrongPassword',
    })
  })

  it('should refuse a new client once the account has had its hour of failures, even with the right password', () => {
    const locked = facts({ accountFailuresBefore: policy.account.lockAfter })
    expect(judgeSignIn(locked, policy)).toEqual({
      outcome: 'refuse',
      reason: 'lockedForNewClients',
      passwordWasRight: true,
    })
    expect(
      judgeSignIn(facts({ accountFailuresBefore: policy.account.lockAfter - 1 }), policy),
    ).toEqual({ outcome: 'signIn' })
  })

  it('should never lock out a client that has signed in to the account before', () => {
    const known = facts({ accountFailuresBefore: 10_000, isKnownClient: true })
    expect(judgeSignIn(known, policy)).toEqual({ outcome: 'signIn' })
  })
})

describe('throttlesStartedBy', () => {
  const counts = { pairFailuresInRow: 1, clientFailures: 1, accountFailures: 1 }

  it('should report nothing for an ordinary failure', () => {
    expect(throttlesStartedBy(counts, policy)).toEqual([])
  })

  it('should report each throttle once, on the failure that starts it', () => {
    expect(throttlesStartedBy({ ...counts, pairFailuresInRow: 4 }, policy)).toEqual([
      { scope: 'pair', failuresInRow: 4, delaySeconds: 1 },
    ])
    expect(throttlesStartedBy({ ...counts, pairFailuresInRow: 5 }, policy)).toEqual([])
    expect(throttlesStartedBy({ ...counts, clientFailures: 20 }, policy)).toEqual([
      { scope: 'client', failures: 20, blockSeconds: 900 },
    ])
    expect(throttlesStartedBy({ ...counts, accountFailures: 100 }, policy)).toEqual([
      { scope: 'account', failures: 100, windowSeconds: 3600 },
    ])
    expect(throttlesStartedBy({ ...counts, accountFailures: 101 }, policy)).toEqual([])
  })
})
