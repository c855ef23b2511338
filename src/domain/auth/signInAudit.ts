import { formatSeconds } from './formatSeconds'
import type { RefusalReason, ThrottleEvent } from './signInPolicy'

/**
 * Audit-log sentences for sign-in events. They name the account by its document label ("User
 * 12") and never by email: an email typed at sign-in is recorded only as a keyed hash.
 */

export type SignInAuditEvent =
  | { kind: 'failed'; reason: RefusalReason; passwordWasRight: boolean }
  | { kind: 'throttled'; throttle: ThrottleEvent }
  | { kind: 'unlocked' }

/** Who acted, for an attempt made before anyone is signed in. */
export function clientLabel(address: string | null): string {
  return address === null ? 'A client of unknown address' : `Client ${address}`
}

/**
 * The sentence after the actor ("Client 192.0.2.7 …"). `account` is the account's label, or
 * null when no account has the email that was typed.
 */
export function signInAuditSummary(event: SignInAuditEvent, account: string | null): string {
  const target = account ?? 'an email that has no account'
  switch (event.kind) {
    case 'failed':
      return failedSummary(event.reason, event.passwordWasRight, target)
    case 'throttled':
      return throttledSummary(event.throttle, target)
    case 'unlocked':
      return `unlocked ${target}: its sign-in lock and every client's delays on it are cleared`
  }
}

function failedSummary(reason: RefusalReason, passwordWasRight: boolean, target: string): string {
  switch (reason) {
    case 'unknownAccount':
      return 'failed to sign in: no account has that email (only a keyed hash of it is kept)'
    case 'wrongPassword':
      return `failed to sign in to ${target}: wrong password`
    case 'lockedForNewClients':
      return (
        `was refused sign-in to ${target}: it is locked for clients that have not signed in to it before` +
        (passwordWasRight
          ? '. The password given was correct: if this was not its owner, someone else knows it'
          : '')
      )
  }
}

function throttledSummary(throttle: ThrottleEvent, target: string): string {
  switch (throttle.scope) {
    case 'pair':
      return `is delayed from signing in to ${target} after ${throttle.failuresInRow} failures in a row: ${formatSeconds(throttle.delaySeconds)}, doubling with each further failure`
    case 'client':
      return `is blocked from signing in to any account for ${formatSeconds(throttle.blockSeconds)} after ${throttle.failures} failed sign-ins`
    case 'account':
      return `brought the failed sign-ins on ${target} within ${formatSeconds(throttle.windowSeconds)} to ${throttle.failures}: it is locked for clients that have not signed in to it before, until that time has passed or an admin unlocks it`
  }
}
