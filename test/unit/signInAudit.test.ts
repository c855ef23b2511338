import { describe, expect, it } from 'vitest'

import { formatSeconds } from '../../src/domain/auth/formatSeconds'
import { clientLabel, signInAuditSummary } from '../../src/domain/auth/signInAudit'

describe('signInAuditSummary', () => {
  it('should name the account by its label and never mention an email', () => {
    const failed = { kind: 'failed', reason: 'wrongPassword', passwordWasRight: false } as const
    expect(signInAuditSummary(failed, 'User 12')).toBe(
      'failed to sign in to User 12: wrong password',
    )
    expect(
      signInAuditSummary(
        { kind: 'failed', reason: 'unknownAccount', passwordWasRight: false },
        null,
      ),
    ).toBe('failed to sign in: no account has that email (only a keyed hash of it is kept)')
  })

  it('should warn the admin when a locked account was refused the right password', () => {
    const summary = signInAuditSummary(
      { kind: 'failed', reason: 'lockedForNewClients', passwordWasRight: true },
      'User 3',
    )
    expect(summary).toMatch(/^was refused sign-in to User 3: it is locked for clients/)
    expect(summary).toMatch(/password given was correct/)
  })

  it('should describe each throttle as it starts', () => {
    expect(
      signInAuditSummary(
        { kind: 'throttled', throttle: { scope: 'pair', failuresInRow: 4, delaySeconds: 1 } },
        'User 3',
      ),
    ).toBe(
      'is delayed from signing in to User 3 after 4 failures in a row: 1 s, doubling with each further failure',
    )
    expect(
      signInAuditSummary(
        { kind: 'throttled', throttle: { scope: 'client', failures: 20, blockSeconds: 900 } },
        null,
      ),
    ).toBe('is blocked from signing in to any account for 15 min after 20 failed sign-ins')
    expect(
      signInAuditSummary(
        { kind: 'throttled', throttle: { scope: 'account', failures: 100, windowSeconds: 3600 } },
        'User 3',
      ),
    ).toMatch(/^brought the failed sign-ins on User 3 within 1 h to 100: it is locked/)
    expect(signInAuditSummary({ kind: 'unlocked' }, 'User 3')).toMatch(/^unlocked User 3/)
  })

  it('should label the client by address, or say it is unknown', () => {
    expect(clientLabel('192.0.2.1')).toBe('Client 192.0.2.1')
    expect(clientLabel(null)).toBe('A client of unknown address')
  })
})

describe('formatSeconds', () => {
  it.each([
    [1, '1 s'],
    [59, '59 s'],
    [60, '1 min'],
    [90, '90 s'],
    [900, '15 min'],
    [3600, '1 h'],
  ])('should write %i seconds as %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text)
  })
})
