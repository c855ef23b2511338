import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dumpDocuments } from './helpers/dumpDocuments'
import { uniqueSuffix } from './helpers/payload'
import { publishRelease } from './helpers/publishRelease'
import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { lineIdsOf, ReviewFixture } from './helpers/review'
import { loginToken, requestAs, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { MediaFixtures } from './media/helpers/fixtures'
import { signInSubjectKey } from '../../src/lib/auth/subjectKey'
import type { Consent, Release, Script, User } from '../../src/payload-types'

/**
 * Consent records, withdrawal and erasure over the real REST API: who reads and changes a
 * record, what a withdrawal blocks (preflight) and shows (the release panel's summary), the
 * credits a release carries, and an erasure that forgets a person and breaks nothing else.
 */
const studio = setUpStudio()
const f = new ReviewFixture(studio)
const consentIds: number[] = []
const extraUsers: number[] = []

beforeAll(async () => {
  await f.setUp()
})

afterAll(async () => {
  // Consent records keep their co-producer's account (Users/hooks/keepConsentHolders.ts).
  for (const id of consentIds)
    await studio.payload.delete({ collection: 'consents', id, overrideAccess: true })
  for (const id of extraUsers)
    await studio.payload.delete({ collection: 'users', id, overrideAccess: true })
  await f.cleanup()
})

type Answer<T> = { status: number; body: T & { errors?: { message: string }[] } }

async function call<T = Record<string, unknown>>(
  token: string | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = token
    ? await requestAs(studio.server.url, token, method, url, body)
    : await fetch(`${studio.server.url}${url}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
  return { status: response.status, body: (await response.json().catch(() => ({}))) as never }
}

const REFUSED = [401, 403]
const messageOf = (answer: Answer<unknown>) => answer.body.errors?.map((e) => e.message).join(' ')

async function recordConsent(coProducer: User, parts: Partial<Record<string, boolean>>) {
  const answer = await call<{ doc: Consent }>(f.token('admin'), 'POST', '/api/consents', {
    coProducer: coProducer.id,
    consentTextVersion: '2026-11 v2',
    agreedAt: '2026-11-20T00:00:00.000Z',
    ...parts,
  })
  expect(answer.status, messageOf(answer)).toBe(201)
  consentIds.push(answer.body.doc.id)
  return answer.body.doc
}

const withdraw = (token: string | null, id: number | string, body: unknown) =>
  call<{ message: string }>(token, 'POST', `/api/consents/${id}/withdraw`, body)

describe('consent records', () => {
  let consent: Consent

  beforeAll(async () => {
    consent = await recordConsent(f.people.thirdCoProducer, { credit: true, words: true })
  })

  it('should be recorded by admins only, for co-producers only, once each', async () => {
    for (const person of ['designer', 'publisher', 'coProducer'] as const) {
      const answer = await call(f.token(person), 'POST', '/api/consents', {
        coProducer: f.id('coProducer'),
        consentTextVersion: 'v1',
        agreedAt: '2026-11-20T00:00:00.000Z',
      })
      expect(answer.status, person).toBe(403)
    }
    const forDesigner = await call(f.token('admin'), 'POST', '/api/consents', {
      coProducer: f.id('designer'),
      consentTextVersion: 'v1',
      agreedAt: '2026-11-20T00:00:00.000Z',
    })
    expect(forDesigner.status).toBe(400)
    expect(messageOf(forDesigner)).toContain('Co-producer')
    const twice = await call(f.token('admin'), 'POST', '/api/consents', {
      coProducer: f.id('thirdCoProducer'),
      consentTextVersion: 'v3',
      agreedAt: '2026-11-21T00:00:00.000Z',
    })
    expect(twice.status).toBe(400)
    const records = await studio.payload.find({
      collection: 'consents',
      where: { coProducer: { in: [f.id('thirdCoProducer'), f.id('designer')] } },
      depth: 0,
    })
    expect(records.docs.map((d) => d.id)).toEqual([consent.id])
  })

  it('should be read by admins and by the co-producer it is about, by nobody else', async () => {
    const list = (person: Parameters<typeof f.token>[0]) =>
      call<{ docs: Consent[] }>(f.token(person), 'GET', '/api/consents?depth=1&limit=100')
    expect((await list('admin')).body.docs.map((d) => d.id)).toContain(consent.id)
    const own = await list('thirdCoProducer')
    expect(own.body.docs.map((d) => d.id)).toEqual([consent.id])
    // Their own record, populated: they see their own name, as on their account.
    expect(JSON.stringify(own.body)).toContain(f.people.thirdCoProducer.realName!)
    expect((await list('coProducer')).body.docs).toEqual([])
    for (const person of ['designer', 'publisher', 'anonymous'] as const) {
      expect(REFUSED, person).toContain((await list(person)).status)
      const byId = await call(f.token(person), 'GET', `/api/consents/${consent.id}`)
      expect([401, 403, 404], person).toContain(byId.status)
    }
    const sneaky = await call<{ docs: unknown[] }>(
      f.token('coProducer'),
      'GET',
      `/api/consents?where[coProducer][equals]=${f.id('thirdCoProducer')}&depth=2`,
    )
    expect(sneaky.body.docs).toEqual([])
    const graphql = await call<{ data?: { Consents?: { docs: unknown[] } | null } }>(
      f.token('designer'),
      'POST',
      '/api/graphql',
      { query: '{ Consents { docs { id coProducer { realName email } } } }' },
    )
    expect(graphql.body.data?.Consents ?? null).toBeNull()
  })

  it('should not be changed by the co-producer, nor have its history rewritten', async () => {
    const patch = await call(f.token('thirdCoProducer'), 'PATCH', `/api/consents/${consent.id}`, {
      voice: true,
    })
    expect(patch.status).toBe(403)
    const rewrite = await call<{ doc: Consent }>(
      f.token('admin'),
      'PATCH',
      `/api/consents/${consent.id}?depth=0`,
      { withdrawals: [{ part: 'voice', at: '2020-01-01T00:00:00.000Z' }], recordedBy: null },
    )
    expect(rewrite.status).toBe(200)
    expect(rewrite.body.doc.withdrawals).toEqual([])
    expect(rewrite.body.doc.recordedBy).toBe(f.id('admin'))
    const remove = await call(f.token('admin'), 'DELETE', `/api/consents/${consent.id}`)
    expect(remove.status).toBe(403)
  })

  it('should refuse a withdrawal that is not well formed, naming the problem', async () => {
    const token = f.token('thirdCoProducer')
    for (const [body, words] of [
      [undefined, 'none was sent'],
      [{}, '"parts" must be a list'],
      [{ parts: 'words' }, '"parts" must be a list'],
      [{ parts: [] }, '"parts" must be a list'],
      [{ parts: ['words', 'words'] }, 'each once'],
      [{ parts: ['everything'] }, 'item 1 is "everything"'],
      [{ parts: [{ toString: 'words' }] }, 'item 1 is an object'],
      [[], 'object'],
    ] as const) {
      const answer = await withdraw(token, consent.id, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(messageOf(answer), JSON.stringify(body)).toContain(words)
    }
    const notAgreed = await withdraw(token, consent.id, { parts: ['voice'] })
    expect(notAgreed.status).toBe(400)
    expect(messageOf(notAgreed)).toContain('nothing to withdraw')
    expect((await withdraw(null, consent.id, { parts: ['words'] })).status).toBe(401)
    // Someone else's record, or none: not found, so the answer tells nothing about who has one.
    for (const [person, id] of [
      ['coProducer', consent.id],
      ['designer', consent.id],
      ['thirdCoProducer', 999999],
      ['thirdCoProducer', 'not-an-id'],
    ] as const) {
      const answer = await withdraw(f.token(person), id, { parts: ['words'] })
      expect(answer.status, `${person} ${id}`).toBe(404)
    }
    const stored = await studio.payload.findByID({ collection: 'consents', id: consent.id })
    expect([stored.credit, stored.words, stored.withdrawals]).toEqual([true, true, []])
  })

  it('should date both of two withdrawals sent at once', async () => {
    const token = f.token('thirdCoProducer')
    const answers = await Promise.all([
      withdraw(token, consent.id, { parts: ['credit'] }),
      withdraw(token, consent.id, { parts: ['words'] }),
      withdraw(token, consent.id, { parts: ['words'] }),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 400])
    const stored = await studio.payload.findByID({ collection: 'consents', id: consent.id })
    expect([stored.credit, stored.words]).toEqual([false, false])
    expect(stored.withdrawals?.map((w) => w.part).sort()).toEqual(['credit', 'words'])
  })

  it('should record a withdrawal an admin makes in the form, too', async () => {
    const agreed = await call<{ doc: Consent }>(
      f.token('admin'),
      'PATCH',
      `/api/consents/${consent.id}?depth=0`,
      { words: true, voice: true },
    )
    expect(agreed.status).toBe(200)
    // Agreed again: the earlier withdrawal of the words is no longer in force.
    const unticked = await call<{ doc: Consent }>(
      f.token('admin'),
      'PATCH',
      `/api/consents/${consent.id}?depth=0`,
      { voice: false },
    )
    expect(unticked.body.doc.withdrawals?.map((w) => w.part).sort()).toEqual([
      'credit',
      'voice',
      'words',
    ])
  })
})

describe('withdrawal and releases', () => {
  let made: ReleasableToolkit
  let script: Script
  let consent: Consent
  let pseudonym: string

  beforeAll(async () => {
    made = await makeReleasableToolkit(studio.payload, studio.world, new MediaFixtures())
    // The first clip's script goes through a real review, so its approvals name the co-producer.
    await studio.payload.delete({
      collection: 'scripts',
      where: { clip: { equals: made.clips[0].id } },
      overrideAccess: true,
    })
    script = await f.createScript({ clip: made.clips[0].id })
    await f.approve(script.id)
    pseudonym = f.people.coProducer.displayName!
    consent = await recordConsent(f.people.coProducer, { credit: true, words: true, voice: true })
  }, 120_000)

  afterAll(async () => {
    await made?.remove()
  })

  const draftRelease = async (version: string) => {
    const answer = await call<{ doc: Release }>(f.token('publisher'), 'POST', '/api/releases', {
      toolkit: made.toolkit.id,
      version,
      audiences: [made.audience.id],
      locales: ['en-GB'],
      accents: [made.accent.id],
    })
    expect(answer.status, messageOf(answer)).toBe(201)
    return answer.body.doc
  }

  const preflightOf = async (releaseId: number) => {
    const answer = await call<{ ok: boolean; problems: { code: string; message: string }[] }>(
      f.token('publisher'),
      'POST',
      `/api/releases/${releaseId}/preflight`,
    )
    expect(answer.status, messageOf(answer)).toBe(200)
    return answer.body
  }

  it('should credit those who agreed, and record whose work a release holds', async () => {
    const id = await publishRelease(studio, f.token('publisher')!, made, '1.0.0')
    const release = await studio.payload.findByID({ collection: 'releases', id })
    expect(release.contributions).toEqual({
      people: [{ userId: String(f.id('coProducer')), scripts: [String(script.id)], clips: [] }],
      credits: [pseudonym],
    })
    const summary = await call<{ holdings: { credits: string[]; withdrawn: unknown[] } }>(
      f.token('publisher'),
      'GET',
      `/api/releases/${id}/summary`,
    )
    expect(summary.body.holdings).toEqual({ credits: [pseudonym], withdrawn: [] })
  })

  it('should block the next release that uses withdrawn words, and show the published ones', async () => {
    const answer = await withdraw(f.token('coProducer'), consent.id, { parts: ['words'] })
    expect(answer.status, messageOf(answer)).toBe(200)
    expect(answer.body.message).toContain('Releases already published stay as they are')
    const stored = await studio.payload.findByID({ collection: 'consents', id: consent.id })
    expect(stored.words).toBe(false)
    expect(stored.withdrawals?.map((w) => w.part)).toEqual(['words'])
    const log = await studio.payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { entityCollection: { equals: 'consents' } },
          { entityId: { equals: String(consent.id) } },
        ],
      },
      sort: '-createdAt',
      limit: 1,
    })
    expect(log.docs[0]).toMatchObject({ actorName: pseudonym, action: 'update' })

    const next = await draftRelease('1.1.0')
    const result = await preflightOf(next.id)
    expect(result.ok).toBe(false)
    const blocked = result.problems.filter((p) => p.code === 'consent-withdrawn')
    expect(blocked).toHaveLength(1)
    expect(blocked[0].message).toContain(
      `approved by ${pseudonym}, who withdrew consent to use their words`,
    )
    expect(JSON.stringify(result)).not.toContain(f.people.coProducer.realName!)
    const publish = await call(f.token('publisher'), 'POST', `/api/releases/${next.id}/publish`)
    expect(publish.status).toBe(400)

    const [published] = (
      await studio.payload.find({
        collection: 'releases',
        where: {
          and: [{ toolkit: { equals: made.toolkit.id } }, { version: { equals: '1.0.0' } }],
        },
      })
    ).docs
    expect(published.status).toBe('published')
    const summary = await call<{
      holdings: { credits: string[]; withdrawn: { pseudonym: string; words: unknown }[] }
    }>(f.token('publisher'), 'GET', `/api/releases/${published.id}/summary`)
    expect(summary.body.holdings.withdrawn).toEqual([
      { pseudonym, words: { on: expect.any(String), scripts: [script.title] }, voice: null },
    ])
    // What the release credits was fixed when it was published.
    expect(summary.body.holdings.credits).toEqual([pseudonym])
  })

  it('should release again once others have approved the script instead', async () => {
    const next = (
      await studio.payload.find({
        collection: 'releases',
        where: {
          and: [{ toolkit: { equals: made.toolkit.id } }, { version: { equals: '1.1.0' } }],
        },
      })
    ).docs[0]
    // A designer reopens the script; another co-producer and designer approve it.
    await studio.payload.update({
      collection: 'scripts',
      id: script.id,
      data: { assignedCoProducers: [f.id('coProducer'), f.id('thirdCoProducer')] },
      overrideAccess: true,
    })
    const stored = await studio.payload.findByID({
      collection: 'scripts',
      id: script.id,
      draft: true,
    })
    await f.editLine('designer', script.id, lineIdsOf(stored)[0], 'Words of our own now.')
    await f.submit(script.id, [f.id('thirdCoProducer'), f.id('secondDesigner')])
    await f.reviewOk('thirdCoProducer', script.id, 'approve', 'inReview')
    await f.reviewOk('secondDesigner', script.id, 'approve', 'approved')
    // The new words make the clip's recordings stale until a designer confirms them.
    const clip = await studio.payload.findByID({ collection: 'clips', id: made.clips[0].id })
    for (const row of [...(clip.voiceTracks ?? []), ...(clip.captions ?? [])]) {
      const confirmed = await call(
        f.token('designer'),
        'POST',
        `/api/clips/${clip.id}/confirm-media`,
        {
          rowId: row.id,
        },
      )
      expect(confirmed.status, messageOf(confirmed)).toBe(200)
    }
    const result = await preflightOf(next.id)
    expect(result.problems).toEqual([])
  })

  it('should block a voice whose consent is withdrawn until the track is replaced', async () => {
    const clip = await studio.payload.findByID({
      collection: 'clips',
      id: made.clips[1].id,
      depth: 0,
    })
    const trackId = clip.voiceTracks![0].track as number
    const assigned = await call(f.token('designer'), 'PATCH', `/api/voice-tracks/${trackId}`, {
      recordedBy: f.id('designer'),
    })
    expect(assigned.status).toBe(400)
    expect(JSON.stringify(assigned.body)).toContain(
      'Choose a co-producer: this account is not one.',
    )
    expect(
      (
        await call(f.token('designer'), 'PATCH', `/api/voice-tracks/${trackId}`, {
          recordedBy: f.id('coProducer'),
        })
      ).status,
    ).toBe(200)
    const release = await draftRelease('1.2.0')
    expect((await preflightOf(release.id)).problems).toEqual([])
    expect((await withdraw(f.token('coProducer'), consent.id, { parts: ['voice'] })).status).toBe(
      200,
    )
    const blocked = (await preflightOf(release.id)).problems
    // Both clips use the one recording.
    expect(blocked.map((p) => p.code)).toEqual(['consent-withdrawn', 'consent-withdrawn'])
    expect(blocked[0].message).toContain(`uses the voice of ${pseudonym}`)
    // Replaced by a recording nobody withdrew (here: the same file, now not theirs).
    await call(f.token('designer'), 'PATCH', `/api/voice-tracks/${trackId}`, { recordedBy: null })
    expect((await preflightOf(release.id)).problems).toEqual([])
  })
})

describe('erasure', () => {
  let person: User
  let token: string
  let script: Script
  const suffix = uniqueSuffix()
  const realName = `Erased Real ${suffix}`
  const email = `erase-me-${suffix}@test.example`
  const pseudonym = `Robin ${suffix}`

  beforeAll(async () => {
    person = await studio.payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        email,
        password: PASSWORD,
        role: 'coProducer',
        displayName: pseudonym,
        pseudonym,
        realName,
      },
    })
    extraUsers.push(person.id)
    token = await loginToken(studio.server.url, email, PASSWORD)
    // A failed sign-in leaves an audit entry with a keyed hash of the email.
    await fetch(`${studio.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'not the password at all' }),
    })
    script = await f.createScript({ assignedCoProducers: [person.id] })
    await requestAs(studio.server.url, token, 'POST', '/api/comments', {
      script: script.id,
      lineId: lineIdsOf(script)[0],
      body: 'A line I wrote.',
    })
    await recordConsent(person, { credit: true, words: true })
  })

  afterAll(async () => {
    await studio.payload
      .delete({
        collection: 'comments',
        where: { script: { equals: script.id } },
        overrideAccess: true,
      })
      .catch(() => undefined)
  })

  const erase = (caller: string | null, id: number | string, body: unknown) =>
    call<{ message: string }>(caller, 'POST', `/api/users/${id}/erase`, body)

  it('should be refused to anyone but an admin, and on a mistyped or wrong account', async () => {
    expect((await erase(null, person.id, { pseudonym })).status).toBe(401)
    for (const who of ['designer', 'publisher', 'coProducer'] as const)
      expect((await erase(f.token(who), person.id, { pseudonym })).status, who).toBe(403)
    expect((await erase(token, person.id, { pseudonym })).status).toBe(403)
    const admin = f.token('admin')
    for (const [body, words] of [
      [undefined, 'none was sent'],
      [{}, 'Give "pseudonym"'],
      [{ pseudonym: 42 }, '"pseudonym" must be text'],
      [{ pseudonym: 'Somebody else' }, 'type it exactly'],
    ] as const) {
      const answer = await erase(admin, person.id, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(messageOf(answer)).toContain(words)
    }
    const designer = await erase(admin, f.id('designer'), { pseudonym: 'x' })
    expect(designer.status).toBe(400)
    expect(messageOf(designer)).toContain('not a co-producer')
    expect((await erase(admin, 999999, { pseudonym })).status).toBe(404)
    const stored = await studio.payload.findByID({ collection: 'users', id: person.id })
    expect([stored.realName, stored.email, stored.erasedAt ?? null]).toEqual([
      realName,
      email,
      null,
    ])
  })

  it("should forget the person's name and email everywhere, and keep their pseudonym on their work", async () => {
    const answer = await erase(f.token('admin'), person.id, { pseudonym })
    expect(answer.status, messageOf(answer)).toBe(200)
    expect(answer.body.message).toContain(pseudonym)

    const stored = await studio.payload.findByID({ collection: 'users', id: person.id })
    expect(stored.realName ?? null).toBeNull()
    expect(stored.email).toBe(`erased-${person.id}@erased.invalid`)
    expect(stored.erasedAt).toEqual(expect.any(String))
    expect(stored.displayName).toBe(pseudonym)

    const everything = JSON.stringify(await dumpDocuments(studio.payload))
    expect(everything).not.toContain(realName)
    expect(everything).not.toContain(email)
    expect(everything).not.toContain(signInSubjectKey(email, studio.payload.secret))

    const entries = await studio.payload.find({
      collection: 'audit-log',
      where: { actor: { equals: person.id } },
      pagination: false,
    })
    expect(entries.docs.length).toBeGreaterThan(0)
    for (const entry of entries.docs) {
      expect(entry.actorName).toBe(pseudonym)
      expect(entry.clientAddress ?? null).toBeNull()
      expect(entry.subjectKey ?? null).toBeNull()
    }
    const erasure = await studio.payload.find({
      collection: 'audit-log',
      where: {
        and: [{ action: { equals: 'erasure' } }, { entityId: { equals: String(person.id) } }],
      },
    })
    expect(erasure.docs).toHaveLength(1)
    expect(erasure.docs[0].summary).toContain(pseudonym)

    // Their work still shows, by pseudonym, to the people who work on it.
    const review = await f.reviewState('designer', script.id)
    expect(review.status).toBe(200)
    expect(JSON.stringify(review.json)).toContain(pseudonym)
    const comments = await call<{ docs: unknown[] }>(
      f.token('designer'),
      'GET',
      `/api/comments?where[script][equals]=${script.id}&depth=1`,
    )
    expect(comments.status).toBe(200)
    expect(JSON.stringify(comments.body)).toContain(pseudonym)
  })

  it('should stop the account signing in, with any password and its old session', async () => {
    const me = await call<{ user: unknown }>(token, 'GET', '/api/users/me')
    expect(me.body.user ?? null).toBeNull()
    for (const [login, password] of [
      [email, PASSWORD],
      [`erased-${person.id}@erased.invalid`, PASSWORD],
    ]) {
      const answer = await call(null, 'POST', '/api/users/login', { email: login, password })
      expect(answer.status, login).toBe(401)
    }
    // Even an admin who later gives the account a known password cannot bring it back.
    await studio.payload.update({
      collection: 'users',
      id: person.id,
      data: { password: PASSWORD },
      overrideAccess: true,
    })
    const again = await call(null, 'POST', '/api/users/login', {
      email: `erased-${person.id}@erased.invalid`,
      password: PASSWORD,
    })
    expect(again.status).toBe(401)
    expect((await erase(f.token('admin'), person.id, { pseudonym })).status).toBe(400)
  })

  it('should keep the account, not delete it, while its consent record stands', async () => {
    const answer = await call(f.token('admin'), 'DELETE', `/api/users/${person.id}`)
    expect(answer.status).toBe(409)
    expect(messageOf(answer)).toContain('erase their personal details')
  })
})
