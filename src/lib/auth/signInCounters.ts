import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { pairDelaySeconds, SIGN_IN_POLICY, type SignInPolicy } from '../../domain/auth/signInPolicy'

/**
 * The counters behind src/domain/auth/signInPolicy.ts, in rate-limiter-flexible limiters.
 *
 * They live in this process's memory: a restart forgets them, and with several studio instances
 * each counts on its own (multiply the budgets by the number of instances). For a shared count,
 * give these limiters one of the library's stores (RateLimiterRedis, RateLimiterMongo, …) with
 * the same options; `forgetAccount` then needs that store's way of deleting by key prefix.
 */

export interface AttemptKeys {
  client: string
  /** The account × client pair: `${account}|${client}`. */
  pair: string
  account: string
}

export type AttemptStart =
  | { kind: 'throttled'; msBeforeNext: number }
  | {
      kind: 'counted'
      /** Failures of this client and of this account in their windows, this attempt included. */
      clientFailures: number
      accountFailures: number
      isKnownClient: boolean
    }

export interface FailureCounts {
  pairFailuresInRow: number
  clientFailures: number
  accountFailures: number
}

const UNLIMITED = Number.MAX_SAFE_INTEGER
// RateLimiterMemory expires a key with setTimeout, which fires at once past 2^31 - 1 ms (24.8
// days): a longer duration would forget a key the moment it is written.
const MAX_MEMORY_SECONDS = 24 * 24 * 60 * 60

function lasting(seconds: number): number {
  if (seconds > MAX_MEMORY_SECONDS) {
    throw new Error(
      `A sign-in counter cannot last ${seconds} s in memory (at most ${MAX_MEMORY_SECONDS}).`,
    )
  }
  return seconds
}

function createLimiters(policy: SignInPolicy) {
  return {
    clientFailures: new RateLimiterMemory({
      keyPrefix: 'sign-in-client',
      points: policy.client.failures,
      duration: lasting(policy.client.windowSeconds),
      blockDuration: lasting(policy.client.blockSeconds),
    }),
    accountFailures: new RateLimiterMemory({
      keyPrefix: 'sign-in-account',
      points: UNLIMITED,
      duration: lasting(policy.account.windowSeconds),
    }),
    pairFailures: new RateLimiterMemory({
      keyPrefix: 'sign-in-pair',
      points: UNLIMITED,
      duration: lasting(policy.pairMemorySeconds),
    }),
    // Only ever `block`ed, for the pair's current delay.
    pairDelays: new RateLimiterMemory({ keyPrefix: 'sign-in-delay', points: 1, duration: 1 }),
    knownClients: new RateLimiterMemory({
      keyPrefix: 'sign-in-known',
      points: UNLIMITED,
      duration: lasting(policy.knownClientSeconds),
    }),
  }
}

let limiters: ReturnType<typeof createLimiters> | undefined
const counters = () => (limiters ??= createLimiters(SIGN_IN_POLICY))

export function attemptKeys(account: string, client: string): AttemptKeys {
  return { client, pair: `${account}|${client}`, account }
}

/** How long this client is still refused for having spent its budget of failures (0: not). */
export async function clientBlockedMs(client: string): Promise<number> {
  const { clientFailures } = counters()
  const state = await clientFailures.get(client)
  return state && state.consumedPoints > clientFailures.points ? state.msBeforeNext : 0
}

/**
 * Counts an attempt before its password is checked, as a failure until it succeeds: parallel
 * attempts cannot slip past a budget while the first of them is still being hashed.
 */
export async function beginAttempt(keys: AttemptKeys): Promise<AttemptStart> {
  const { accountFailures, clientFailures, knownClients, pairDelays } = counters()
  const delay = await pairDelays.get(keys.pair)
  if (delay && delay.msBeforeNext > 0)
    return { kind: 'throttled', msBeforeNext: delay.msBeforeNext }
  let client: RateLimiterRes
  try {
    client = await clientFailures.consume(keys.client)
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      return { kind: 'throttled', msBeforeNext: refusal.msBeforeNext }
    }
    throw refusal
  }
  const account = await accountFailures.penalty(keys.account)
  return {
    kind: 'counted',
    clientFailures: client.consumedPoints,
    accountFailures: account.consumedPoints,
    isKnownClient: (await knownClients.get(keys.pair)) !== null,
  }
}

/** A counted attempt failed: the pair's run of failures grows, and so may its delay. */
export async function recordFailure(
  keys: AttemptKeys,
  start: Extract<AttemptStart, { kind: 'counted' }>,
  policy: SignInPolicy,
): Promise<FailureCounts> {
  const { pairDelays, pairFailures } = counters()
  const pair = await pairFailures.penalty(keys.pair)
  const delaySeconds = pairDelaySeconds(pair.consumedPoints, policy)
  if (delaySeconds > 0) await pairDelays.block(keys.pair, delaySeconds)
  return {
    pairFailuresInRow: pair.consumedPoints,
    clientFailures: start.clientFailures,
    accountFailures: start.accountFailures,
  }
}

/** A counted attempt signed in: it was no failure, the pair starts afresh, the client is known. */
export async function recordSuccess(keys: AttemptKeys): Promise<void> {
  const { accountFailures, clientFailures, knownClients, pairDelays, pairFailures } = counters()
  await clientFailures.reward(keys.client)
  await accountFailures.reward(keys.account)
  await pairFailures.delete(keys.pair)
  await pairDelays.delete(keys.pair)
  await knownClients.set(keys.pair, 1, SIGN_IN_POLICY.knownClientSeconds)
}

/** An admin's unlock: the account's lock and every client's delays on it are gone. */
export async function forgetAccount(account: string): Promise<void> {
  const { accountFailures, pairDelays, pairFailures } = counters()
  await accountFailures.delete(account)
  for (const limiter of [pairFailures, pairDelays]) {
    for (const { key } of limiter.dump().storage) {
      if (String(key).startsWith(`${account}|`)) await limiter.delete(String(key))
    }
  }
}
