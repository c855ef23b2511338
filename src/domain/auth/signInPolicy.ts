import { formatSeconds } from './formatSeconds'

/**
 * The rules that slow password guessing down without letting an attacker lock anyone out.
 *
 * Three counters, each keyed so that an attacker's attempts land on the attacker:
 * - per client (address): a budget of failed sign-ins per window; when it is spent, that
 *   client is refused for a while, whatever account it tries;
 * - per account × client: consecutive failures from one client on one account earn a delay
 *   that doubles each time, up to a cap; a success clears it. The real user signs in from their
 *   own address, so failures from elsewhere never delay them;
 * - per account, from all clients: a ceiling of failures per hour (ASVS 2.2.1: at most 100).
 *   Past it, the account is refused to clients that have never signed in to it, until the hour
 *   ends or an admin unlocks it. Clients that have signed in to it before are never refused.
 *
 * "Account" means the email as typed, hashed, whether or not such an account exists: unknown
 * emails are counted and delayed exactly like real ones, so the answers never tell them apart.
 */

export interface SignInPolicy {
  client: { failures: number; windowSeconds: number; blockSeconds: number }
  pair: { freeFailures: number; firstDelaySeconds: number; maxDelaySeconds: number }
  /** Failures on one account, from all clients, within `windowSeconds`, before it is locked. */
  account: { lockAfter: number; windowSeconds: number }
  /** How long a pair keeps its failures, and a client stays known after a success. */
  pairMemorySeconds: number
  knownClientSeconds: number
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const SIGN_IN_POLICY: SignInPolicy = {
  client: { failures: 20, windowSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE },
  pair: { freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 15 * MINUTE },
  account: { lockAfter: 100, windowSeconds: HOUR },
  pairMemorySeconds: DAY,
  knownClientSeconds: 20 * DAY,
}

/** The policy with `SIGN_IN_ACCOUNT_LOCK_AFTER` applied (1–100; ASVS level 2 allows no more). */
export function signInPolicyFrom(env: Record<string, string | undefined>): SignInPolicy {
  const text = env.SIGN_IN_ACCOUNT_LOCK_AFTER?.trim()
  if (!text) return SIGN_IN_POLICY
  const lockAfter = Number(text)
  if (!Number.isInteger(lockAfter) || lockAfter < 1 || lockAfter > 100) {
    throw new Error(
      `SIGN_IN_ACCOUNT_LOCK_AFTER must be a whole number from 1 to 100 (failed sign-ins per hour on one account before new clients are refused); got "${text}".`,
    )
  }
  return { ...SIGN_IN_POLICY, account: { ...SIGN_IN_POLICY.account, lockAfter } }
}

/** Seconds one client must wait on one account after `failuresInRow` consecutive failures. */
export function pairDelaySeconds(failuresInRow: number, policy: SignInPolicy): number {
  const { freeFailures, firstDelaySeconds, maxDelaySeconds } = policy.pair
  if (failuresInRow <= freeFailures) return 0
  const doublings = failuresInRow - freeFailures - 1
  // Capped before exponentiating so that a huge count cannot overflow to Infinity.
  return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** Math.min(doublings, 30))
}

/** The answer to a throttled attempt: the same whichever throttle it met. */
export function throttledMessage(
  retryAfter: number,
  attempts: string = 'failed sign-in attempts',
): string {
  const wait = retryAfter < 60 ? formatSeconds(retryAfter) : `${Math.ceil(retryAfter / 60)} min`
  return `Too many ${attempts}: try again in ${wait}.`
}

/** `Retry-After` in whole seconds, never 0 (a client told 0 would retry at once). */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000))
}

export type RefusalReason = 'unknownAccount' | 'wrongPassword' | 'lockedForNewClients'

export type SignInVerdict =
  { outcome: 'signIn' } | { outcome: 'refuse'; reason: RefusalReason; passwordWasRight: boolean }

export interface SignInFacts {
  accountExists: boolean
  passwordMatches: boolean
  /** Failures on this account from all clients in the current window, before this attempt. */
  accountFailuresBefore: number
  /** This client has signed in to this account before (see `knownClientSeconds`). */
  isKnownClient: boolean
}

/** Whether checked credentials sign in. Every refusal gets the same answer; the reason is for the audit log. */
export function judgeSignIn(facts: SignInFacts, policy: SignInPolicy): SignInVerdict {
  if (!facts.accountExists) {
    return { outcome: 'refuse', reason: 'unknownAccount', passwordWasRight: false }
  }
  const isLocked = facts.accountFailuresBefore >= policy.account.lockAfter && !facts.isKnownClient
  if (isLocked) {
    return {
      outcome: 'refuse',
      reason: 'lockedForNewClients',
      passwordWasRight: facts.passwordMatches,
    }
  }
  if (!facts.passwordMatches) {
    return { outcome: 'refuse', reason: 'wrongPassword', passwordWasRight: false }
  }
  return { outcome: 'signIn' }
}

export type ThrottleEvent =
  | { scope: 'pair'; failuresInRow: number; delaySeconds: number }
  | { scope: 'client'; failures: number; blockSeconds: number }
  | { scope: 'account'; failures: number; windowSeconds: number }

export interface FailureCounts {
  pairFailuresInRow: number
  /** The client's failures in its current window, this one included. */
  clientFailures: number
  /** The account's failures in its current window, this one included. */
  accountFailures: number
}

/**
 * The throttles this failure has just switched on: each is recorded once, when it starts, so
 * an attacker's retries do not flood the audit log.
 */
export function throttlesStartedBy(counts: FailureCounts, policy: SignInPolicy): ThrottleEvent[] {
  const events: ThrottleEvent[] = []
  if (counts.pairFailuresInRow === policy.pair.freeFailures + 1) {
    events.push({
      scope: 'pair',
      failuresInRow: counts.pairFailuresInRow,
      delaySeconds: pairDelaySeconds(counts.pairFailuresInRow, policy),
    })
  }
  if (counts.clientFailures === policy.client.failures) {
    events.push({
      scope: 'client',
      failures: counts.clientFailures,
      blockSeconds: policy.client.blockSeconds,
    })
  }
  if (counts.accountFailures === policy.account.lockAfter) {
    events.push({
      scope: 'account',
      failures: counts.accountFailures,
      windowSeconds: policy.account.windowSeconds,
    })
  }
  return events
}
