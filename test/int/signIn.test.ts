import type { Where } from 'payload'
import { describe, expect, it } from 'vitest'

import {
  cleanUpFreshAccounts,
  freshAccount,
  freshAddress,
  INCORRECT,
  signInOverGraphql,
  signInOverRest,
  withEnv,
} from './helpers/signIn'
import { loginToken, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import type { AuditLog } from '../../src/payload-types'

// Attackers and owners come from addresses of their own: the test client plays one proxy.
// Five failures lock an account for new clients, as many as Payload's own lock used to allow.
withEnv({ TRUST_PROXY: '1', SIGN_IN_ACCOUNT_LOCK_AFTER: '5' })
const studio = setUpStudio()
cleanUpFreshAccounts()
const rest = (attempt: Parameters<typeof signInOverRest>[1]) =>
  signInOverRest(studio.server.url, attempt)
const graphql = (attempt: Parameters<typeof signInOverGraphql>[1]) =>
  signInOverGraphql(studio.server.url, attempt)
const unknownEmail = () => `nobody-${freshAddress()}@test.example`

/**
 * Fails from one client until its delay on the account has doubled to 4 s (after failures 4, 5
 * and 6, waiting out the 1 s and 2 s delays between), then tries once more at once.
 */
async function failUntilDelayed(email: string, from: () => string) {
  const statuses: number[] = []
  for (let i = 1; i <= 6; i++) {
    if (i === 5) await sleep(1_100)
    if (i === 6) await sleep(2_100)
    statuses.push((await rest({ email, password: `guess-${i}`, from: from() })).status)
  }
  return { statuses, delayed: await rest({ email, password: 'guess-7', from: from() }) }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Five failures from five addresses: enough to lock the account for clients it does not know. */
async function lockOut(email: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    expect((await rest({ email, password: 'not-the-password', from: freshAddress() })).status).toBe(
      401,
    )
  }
}

async function auditSince(since: number, where: Where = {}): Promise<AuditLog[]> {
  const found = await studio.payload.find({
    collection: 'audit-log',
    where: { and: [where, { id: { greater_than: since } }] },
    sort: 'id',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return found.docs
}

async function lastAuditId(): Promise<number> {
  const newest = await studio.payload.find({
    collection: 'audit-log',
    sort: '-id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return newest.docs[0]?.id ?? 0
}

describe('sign-in: one answer for every refusal', () => {
  it('should answer an unknown email, a wrong password and a locked account alike over REST', async () => {
    const locked = await freshAccount(studio.payload)
    const other = await freshAccount(studio.payload)
    await lockOut(locked.email)
    const from = freshAddress()
    const answers = [
      await rest({ email: unknownEmail(), password: PASSWORD, from }),
      await rest({ email: other.email, password: 'not-the-password', from }),
      await rest({ email: locked.email, password: PASSWORD, from }),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(401)
      expect(answer.errors).toEqual([{ message: INCORRECT }])
      expect(answer.retryAfter).toBeNull()
    }
  })

  it('should answer them alike over GraphQL too', async () => {
    const locked = await freshAccount(studio.payload)
    const other = await freshAccount(studio.payload)
    await lockOut(locked.email)
    const from = freshAddress()
    const answers = [
      await graphql({ email: unknownEmail(), password: PASSWORD, from }),
      await graphql({ email: other.email, password: 'not-the-password', from }),
      await graphql({ email: locked.email, password: PASSWORD, from }),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(401)
      expect(answer.message).toBe(INCORRECT)
    }
    expect(answers[1].errors).toEqual(answers[0].errors)
    expect(answers[2].errors).toEqual(answers[0].errors)
  })
})

describe('sign-in: throttles that land on the attacker', () => {
  it('should delay one client on one account after three failures in a row: 429 with Retry-After', async () => {
    const owner = await freshAccount(studio.payload)
    const home = freshAddress()
    expect((await rest({ email: owner.email, password: PASSWORD, from: home })).status).toBe(200)
    const attacker = freshAddress()
    const { statuses, delayed } = await failUntilDelayed(owner.email, () => attacker)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401])
    expect(delayed.status).toBe(429)
    // The sixth failure in a row earned 4 s (1 s, 2 s, 4 s), less the time since.
    expect(Number(delayed.retryAfter)).toBeGreaterThanOrEqual(2)
    expect(Number(delayed.retryAfter)).toBeLessThanOrEqual(4)
    expect(delayed.message).toMatch(/^Too many failed sign-in attempts: try again in \d s\.$/)
    const overGraphql = await graphql({ email: owner.email, password: 'guess', from: attacker })
    expect(overGraphql).toMatchObject({ status: 429, message: expect.stringMatching(/^Too many/) })
    expect(Number(overGraphql.retryAfter)).toBeGreaterThanOrEqual(1)
    // The owner, at their own address, is not delayed at all.
    expect((await rest({ email: owner.email, password: PASSWORD, from: home })).status).toBe(200)
  })

  it('should delay an unknown email exactly as it delays a real account', async () => {
    const attacker = freshAddress()
    const { statuses, delayed } = await failUntilDelayed(unknownEmail(), () => attacker)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401])
    expect(delayed.status).toBe(429)
  })

  it('should not let attackers at many addresses lock out the owner, an admin', async () => {
    const admin = await freshAccount(studio.payload, 'admin')
    const home = freshAddress()
    expect((await rest({ email: admin.email, password: PASSWORD, from: home })).status).toBe(200)
    for (let i = 0; i < 10; i++) {
      const bot = freshAddress()
      for (const guess of ['letmein-0001', 'letmein-0002']) {
        expect((await rest({ email: admin.email, password: guess, from: bot })).status).toBe(401)
      }
    }
    // Twenty failures: past the account's ceiling, so a client it has never seen is refused…
    const stranger = await rest({ email: admin.email, password: PASSWORD, from: freshAddress() })
    expect(stranger).toMatchObject({ status: 401, message: INCORRECT })
    // …but the admin, from where they signed in before, gets in, over REST and GraphQL.
    expect((await rest({ email: admin.email, password: PASSWORD, from: home })).status).toBe(200)
    const overGraphql = await graphql({ email: admin.email, password: PASSWORD, from: home })
    expect(overGraphql).toMatchObject({ status: 200, message: undefined })
  })

  it('should block a client that spends its budget of failures, before reading its body', async () => {
    const attacker = freshAddress()
    for (let i = 0; i < 20; i++) {
      expect((await rest({ email: unknownEmail(), password: 'x', from: attacker })).status).toBe(
        401,
      )
    }
    const blocked = await rest({ email: unknownEmail(), password: 'x', from: attacker })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.retryAfter)).toBeGreaterThan(800)
    // Refused before the body is parsed: a body that is not JSON gets the same 429.
    const unparsed = await rest({ email: '', password: '', from: attacker, body: '{"email": ' })
    expect(unparsed).toMatchObject({ status: 429, message: blocked.message })
    // The right password of a real account, and GraphQL, are refused from there too.
    const owner = await freshAccount(studio.payload)
    expect((await rest({ email: owner.email, password: PASSWORD, from: attacker })).status).toBe(
      429,
    )
    expect((await graphql({ email: owner.email, password: PASSWORD, from: attacker })).status).toBe(
      429,
    )
    expect(
      (await rest({ email: owner.email, password: PASSWORD, from: freshAddress() })).status,
    ).toBe(200)
  })
})

describe('sign-in: which address is the client', () => {
  it('should ignore X-Forwarded-For without TRUST_PROXY, and count every spoofed address as one', async () => {
    const saved = process.env.TRUST_PROXY
    delete process.env.TRUST_PROXY
    try {
      const owner = await freshAccount(studio.payload)
      const since = await lastAuditId()
      const { statuses, delayed } = await failUntilDelayed(owner.email, freshAddress)
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401])
      expect(delayed.status).toBe(429)
      const failed = await auditSince(since, { action: { equals: 'loginFailed' } })
      expect(failed.map((entry) => entry.clientAddress)).toEqual(Array(6).fill('127.0.0.1'))
    } finally {
      process.env.TRUST_PROXY = saved
    }
  })

  it('should trust only the entry the configured proxies wrote', async () => {
    const owner = await freshAccount(studio.payload)
    const since = await lastAuditId()
    await rest({ email: owner.email, password: 'x', from: '10.9.9.9, 198.51.100.200' })
    process.env.TRUST_PROXY = '2'
    await rest({ email: owner.email, password: 'x', from: '198.51.100.201' })
    process.env.TRUST_PROXY = '1'
    const failed = await auditSince(since, { action: { equals: 'loginFailed' } })
    // One proxy: the address it appended. Two proxies but one entry: the connection itself.
    expect(failed.map((entry) => entry.clientAddress)).toEqual(['198.51.100.200', '127.0.0.1'])
  })
})

describe('sign-in: the audit log', () => {
  it("should record failures and throttles by account id and keyed hash, never a co-producer's email", async () => {
    const coProducer = await freshAccount(studio.payload, 'coProducer')
    const attacker = freshAddress()
    const since = await lastAuditId()
    for (let i = 0; i < 4; i++) {
      await rest({ email: coProducer.email.toUpperCase(), password: `guess-${i}`, from: attacker })
    }
    const nobody = unknownEmail()
    await rest({ email: nobody, password: 'x', from: attacker })
    await rest({ email: ` ${nobody} `, password: 'x', from: attacker })

    const entries = await auditSince(since)
    const failed = entries.filter((entry) => entry.action === 'loginFailed')
    const onAccount = failed.filter((entry) => entry.entityId === String(coProducer.id))
    expect(onAccount).toHaveLength(4)
    expect(onAccount[0]).toMatchObject({
      actor: null,
      actorName: `Client ${attacker}`,
      clientAddress: attacker,
      summary: `Client ${attacker} failed to sign in to User ${coProducer.id}: wrong password`,
    })
    expect(new Set(onAccount.map((entry) => entry.subjectKey)).size).toBe(1)
    expect(onAccount[0].subjectKey).toMatch(/^[0-9a-f]{32}$/)

    const unknown = failed.filter((entry) => entry.entityId === null)
    expect(unknown).toHaveLength(2)
    expect(unknown[0].subjectKey).toBe(unknown[1].subjectKey)
    expect(unknown[0].subjectKey).not.toBe(onAccount[0].subjectKey)
    expect(unknown[0].summary).toContain('no account has that email')

    const throttled = entries.filter((entry) => entry.action === 'loginThrottled')
    expect(throttled).toHaveLength(1)
    expect(throttled[0]).toMatchObject({
      entityId: String(coProducer.id),
      summary: expect.stringContaining('after 4 failures in a row: 1 s'),
    })

    const stored = JSON.stringify(entries).toLowerCase()
    for (const secret of [coProducer.email, nobody, coProducer.realName!]) {
      expect(stored).not.toContain(secret.toLowerCase())
    }
  })

  it('should record the lock, and warn when it refused the right password', async () => {
    const owner = await freshAccount(studio.payload)
    const since = await lastAuditId()
    await lockOut(owner.email)
    await rest({ email: owner.email, password: PASSWORD, from: freshAddress() })
    const entries = await auditSince(since, { entityId: { equals: String(owner.id) } })
    expect(entries.map((entry) => entry.action)).toEqual([
      ...Array(5).fill('loginFailed'),
      'loginThrottled',
      'loginFailed',
    ])
    expect(entries[5].summary).toMatch(/to 5: it is locked for clients that have not signed in/)
    expect(entries[6].summary).toMatch(/password given was correct/)
  })

  it('should let only admins unlock, clear the lock, and record who did', async () => {
    const target = await freshAccount(studio.payload)
    await lockOut(target.email)
    const unlock = async (email: string) =>
      fetch(`${studio.server.url}/api/users/unlock`, {
        method: 'POST',
        headers: {
          authorization: `JWT ${await loginToken(studio.server.url, email, PASSWORD)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ email: target.email }),
      })
    for (const role of ['designer', 'coProducer', 'publisher'] as const) {
      expect((await unlock(studio.world.users[role].email)).status, `${role} unlocking`).toBe(403)
    }
    const newClient = freshAddress()
    expect((await rest({ email: target.email, password: PASSWORD, from: newClient })).status).toBe(
      401,
    )
    const since = await lastAuditId()
    expect((await unlock(studio.world.users.admin.email)).status).toBe(200)
    expect((await rest({ email: target.email, password: PASSWORD, from: newClient })).status).toBe(
      200,
    )
    const [entry] = await auditSince(since, { action: { equals: 'unlock' } })
    expect(entry).toMatchObject({
      actor: studio.world.users.admin.id,
      entityId: String(target.id),
      summary: `${studio.world.users.admin.displayName} (Admin) unlocked User ${target.id}: its sign-in lock and every client's delays on it are cleared`,
    })
  })

  it('should record where a successful sign-in came from', async () => {
    const owner = await freshAccount(studio.payload)
    const from = freshAddress()
    const since = await lastAuditId()
    await rest({ email: owner.email, password: PASSWORD, from })
    const [entry] = await auditSince(since, { action: { equals: 'login' } })
    expect(entry).toMatchObject({ entityId: String(owner.id), clientAddress: from })
  })
})
