import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from './helpers/payload'
import { startRestServer, type RestServer } from './helpers/restServer'
import {
  cleanUpFreshAccounts,
  freshAccount,
  freshAddress,
  INCORRECT,
  signInOverRest,
  withEnv,
} from './helpers/signIn'
import { PASSWORD } from './helpers/world'

// Each attempt comes from an address of its own, so no throttle answers in place of the check.
withEnv({ TRUST_PROXY: '1', SIGN_IN_ACCOUNT_LOCK_AFTER: '5' })

const KINDS = ['unknown email', 'wrong password', 'locked account'] as const
type Kind = (typeof KINDS)[number]

/** Rounds of one attempt of each kind; the machine is shared, so medians of many. */
const ROUNDS = 36
const WARM_UP_ROUNDS = 3
/** A wrong-password account takes fewer failures than lock it (SIGN_IN_ACCOUNT_LOCK_AFTER). */
const FAILURES_PER_ACCOUNT = 4

let payload: Payload
cleanUpFreshAccounts()
let server: RestServer
beforeAll(async () => {
  payload = await getTestPayload()
  server = await startRestServer()
})
afterAll(async () => {
  await server?.close()
})

describe('sign-in timing', () => {
  it(
    'should take as long to refuse an unknown email or a locked account as a wrong password',
    { timeout: 15 * 60_000 },
    async () => {
      const rounds = WARM_UP_ROUNDS + ROUNDS
      const wrong: { email: string }[] = []
      for (let i = 0; i < Math.ceil(rounds / FAILURES_PER_ACCOUNT); i++) {
        wrong.push(await freshAccount(payload))
      }
      const locked = await freshAccount(payload)
      for (let i = 0; i < 5; i++) await attempt(locked.email, 'not-the-password')

      const emailFor: Record<Kind, (round: number) => { email: string; password: string }> = {
        'unknown email': (round) => ({
          email: `nobody-${Math.floor(round / FAILURES_PER_ACCOUNT)}@timing.example`,
          password: PASSWORD,
        }),
        'wrong password': (round) => ({
          email: wrong[Math.floor(round / FAILURES_PER_ACCOUNT)].email,
          password: `not-${PASSWORD}`,
        }),
        // The right password: refused all the same, since the account is locked for new clients.
        'locked account': () => ({ email: locked.email, password: PASSWORD }),
      }
      const samples: Record<Kind, number[]> = {
        'unknown email': [],
        'wrong password': [],
        'locked account': [],
      }
      const refusals: { kind: Kind; round: number; status: number; message?: string }[] = []
      for (let round = 0; round < rounds; round++) {
        // One attempt of each kind per round, sent together (in an order that rotates), so that
        // whatever else the shared machine is doing at that moment slows all three alike.
        const order = KINDS.map((_, k) => KINDS[(round + k) % KINDS.length])
        const answers = await Promise.all(
          order.map((kind) => {
            const { email, password } = emailFor[kind](round)
            return attempt(email, password)
          }),
        )
        order.forEach((kind, k) => {
          refusals.push({ kind, round, status: answers[k].status, message: answers[k].message })
          if (round >= WARM_UP_ROUNDS) samples[kind].push(answers[k].ms)
        })
      }

      const rows = KINDS.map((kind) => ({ kind, ...distribution(samples[kind]) }))
      console.log(`Sign-in refusals, ms (${ROUNDS} rounds of one of each, sent together):`)
      console.table(rows)
      const medians = rows.map((row) => row.p50)
      const spread = Math.max(...medians) / Math.min(...medians)
      console.log(`Slowest median / fastest median: ${spread.toFixed(3)}`)
      expect(spread).toBeLessThanOrEqual(1.2)
      for (const refusal of refusals) {
        expect(refusal).toEqual({ ...refusal, status: 401, message: INCORRECT })
      }
    },
  )
})

function attempt(email: string, password: string) {
  return signInOverRest(server.url, { email, password, from: freshAddress() })
}

function distribution(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))])
  return { p10: at(0.1), p25: at(0.25), p50: at(0.5), p75: at(0.75), p90: at(0.9), max: at(1) }
}
