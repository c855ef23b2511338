import type { Where } from 'payload'
import { describe, expect, it } from 'vitest'

import { as, uniqueSuffix } from './helpers/payload'
import { loginToken, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import type { AuditLog, User } from '../../src/payload-types'

const studio = setUpStudio()

const APPEND_ONLY = /append-only/

/**
 * The newest entry's id, if any: later entries are this test's (SQLite reuses a deleted
 * document's id; MongoDB's ObjectIds grow with time too).
 */
async function lastEntryId(): Promise<number | undefined> {
  const newest = await studio.payload.find({
    collection: 'audit-log',
    sort: '-id',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return newest.docs[0]?.id
}

/** Entries as stored (depth 0: the actor is an id) written after `since`, oldest first. */
async function entries(where: Where, since?: number): Promise<AuditLog[]> {
  const found = await studio.payload.find({
    collection: 'audit-log',
    where: since === undefined ? where : { and: [where, { id: { greater_than: since } }] },
    depth: 0,
    sort: 'id',
    pagination: false,
    overrideAccess: true,
  })
  return found.docs
}

const about = (entityCollection: string, entityId: number | string): Where => ({
  and: [
    { entityCollection: { equals: entityCollection } },
    { entityId: { equals: String(entityId) } },
  ],
})

async function rest(
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${studio.server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  })
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  }
}

const token = (user: User) => loginToken(studio.server.url, user.email, PASSWORD)

describe('audit log: what is recorded', () => {
  it('should record who created, changed and deleted a toolkit, with the changed fields', async () => {
    const designer = studio.world.users.designer
    const marker = uniqueSuffix()
    const since = await lastEntryId()
    const toolkit = await studio.payload.create({
      ...as(designer),
      collection: 'toolkits',
      data: { title: `Audited ${marker}`, slug: `audited-${marker}` },
    })
    await studio.payload.update({
      ...as(designer),
      collection: 'toolkits',
      id: toolkit.id,
      data: { title: `Audited again ${marker}`, summary: 'Now with a summary.' },
    })
    await studio.payload.delete({ ...as(designer), collection: 'toolkits', id: toolkit.id })

    const log = await entries(about('toolkits', toolkit.id), since)
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'delete'])
    for (const entry of log) {
      expect(entry).toMatchObject({
        actor: designer.id,
        actorName: designer.displayName,
        actorRole: 'designer',
        entityCollection: 'toolkits',
        entityId: String(toolkit.id),
        versionId: null,
      })
    }
    expect(log[0].changedFields).toEqual(['slug', 'title'])
    expect(log[1].changedFields).toEqual(['summary', 'title'])
    expect(log[1].summary).toBe(
      `${designer.displayName} (Content designer) changed summary, title in Toolkit ${toolkit.id}`,
    )
    expect(log[2].summary).toBe(
      `${designer.displayName} (Content designer) deleted Toolkit ${toolkit.id}`,
    )
  })

  it('should record the version a script change saved', async () => {
    const designer = studio.world.users.designer
    const scriptId = studio.world.docs.scripts.unassigned
    const since = await lastEntryId()
    await studio.payload.update({
      ...as(designer),
      collection: 'scripts',
      id: scriptId,
      data: { title: `Retitled ${uniqueSuffix()}` },
    })
    const newest = await studio.payload.findVersions({
      collection: 'scripts',
      where: { parent: { equals: scriptId } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
    })
    const added = await entries(about('scripts', scriptId), since)
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({
      action: 'update',
      changedFields: ['title'],
      versionId: String(newest.docs[0].id),
    })
  })

  it('should record a script status change as its own entry, by whoever moved it', async () => {
    const { coProducer, designer } = studio.world.users
    const scriptId = studio.world.docs.scripts.assigned
    const since = await lastEntryId()
    const submit = await rest(`/api/scripts/${scriptId}/review`, {
      method: 'POST',
      token: await token(coProducer),
      body: { action: 'submit', reviewers: [coProducer.id, designer.id] },
    })
    expect(submit.status, JSON.stringify(submit.body)).toBe(200)
    const requestChanges = await rest(`/api/scripts/${scriptId}`, {
      method: 'PATCH',
      token: await token(designer),
      body: { status: 'changesRequested' },
    })
    expect(requestChanges.status, JSON.stringify(requestChanges.body)).toBe(200)

    const moves = await entries(
      { and: [about('scripts', scriptId), { action: { equals: 'statusChange' } }] },
      since,
    )
    expect(moves.map((e) => [e.actor, e.actorName, e.changedFields])).toEqual([
      [coProducer.id, coProducer.pseudonym, ['status']],
      [designer.id, designer.displayName, ['status']],
    ])
    expect(moves[0].summary).toBe(
      `${coProducer.pseudonym} (Co-producer) changed status draft → inReview in Script ${scriptId}`,
    )
    expect(moves[1].summary).toContain('status inReview → changesRequested')
    // The same save also has its ordinary update entry, naming every field it changed.
    const updates = await entries(
      { and: [about('scripts', scriptId), { action: { equals: 'update' } }] },
      since,
    )
    expect(updates.at(-1)?.changedFields).toContain('status')
  })

  it('should record a sign-in over REST', async () => {
    const publisher = studio.world.users.publisher
    const signIns = { and: [about('users', publisher.id), { action: { equals: 'login' } }] }
    const since = await lastEntryId()
    await token(publisher)
    const after = await entries(signIns, since)
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({
      actor: publisher.id,
      actorName: publisher.displayName,
      actorRole: 'publisher',
      summary: `${publisher.displayName} (Publisher) signed in`,
    })
  })

  it('should record a new comment as a comment', async () => {
    const coProducer = studio.world.users.coProducer
    const since = await lastEntryId()
    const comment = await studio.payload.create({
      ...as(coProducer),
      collection: 'comments',
      data: { script: studio.world.docs.scripts.assigned, body: 'This line feels rushed.' },
    })
    const log = await entries(about('comments', comment.id), since)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ action: 'comment', actor: coProducer.id })
    expect(log[0].changedFields).toEqual(expect.arrayContaining(['body', 'script']))
    expect(JSON.stringify(log)).not.toContain('feels rushed')
  })

  it("should never hold a co-producer's real name or email, only the pseudonym", async () => {
    const coProducer = studio.world.users.coProducer
    const newRealName = `Renamed Real ${uniqueSuffix()}`
    const since = await lastEntryId()
    await token(coProducer)
    await studio.payload.create({
      ...as(coProducer),
      collection: 'comments',
      data: { script: studio.world.docs.scripts.assigned, body: 'A second thought.' },
    })
    await studio.payload.update({
      ...as(coProducer),
      collection: 'users',
      id: coProducer.id,
      data: { realName: newRealName, password: PASSWORD },
    })
    const theirs = await entries(
      { or: [{ actor: { equals: coProducer.id } }, about('users', coProducer.id)] },
      since,
    )
    expect(theirs.map((e) => e.action)).toEqual(['login', 'comment', 'update'])
    const profileEdit = theirs[2]
    expect(profileEdit.changedFields).toEqual(['password', 'realName'])
    for (const entry of theirs) expect(entry.actorName).toBe(coProducer.pseudonym)
    const stored = JSON.stringify(theirs)
    expect(stored).toContain(coProducer.pseudonym!)
    for (const secret of [coProducer.realName!, newRealName, coProducer.email]) {
      expect(stored).not.toContain(secret)
    }
  })

  it('should record system writes as the system, and skip them only when asked and unsigned', async () => {
    const marker = uniqueSuffix()
    const since = await lastEntryId()
    const toolkit = await studio.payload.create({
      collection: 'toolkits',
      data: { title: `System ${marker}`, slug: `system-${marker}` },
    })
    await studio.payload.update({
      collection: 'toolkits',
      id: toolkit.id,
      data: { summary: 'Progress noise' },
      context: { skipAudit: true },
    })
    await studio.payload.update({
      ...as(studio.world.users.designer),
      collection: 'toolkits',
      id: toolkit.id,
      data: { summary: 'A person wrote this' },
      context: { skipAudit: true },
    })
    const log = await entries(about('toolkits', toolkit.id), since)
    expect(log.map((e) => [e.action, e.actor ?? null, e.actorName])).toEqual([
      ['create', null, 'system'],
      ['update', studio.world.users.designer.id, studio.world.users.designer.displayName],
    ])
    expect(log[0].summary).toBe(`System created Toolkit ${toolkit.id}`)
    await studio.payload.delete({ collection: 'toolkits', id: toolkit.id })
  })
})

describe('audit log: append-only', () => {
  /** A fresh entry to attack, and a way to prove it did not change. */
  async function target() {
    const publisher = studio.world.users.publisher
    const since = await lastEntryId()
    await token(publisher)
    const [entry] = await entries(
      { and: [about('users', publisher.id), { action: { equals: 'login' } }] },
      since,
    )
    return {
      entry,
      expectUntouched: async () => {
        const reread = await studio.payload.findByID({
          collection: 'audit-log',
          id: entry.id,
          depth: 0,
        })
        expect(reread).toEqual(entry)
      },
    }
  }

  it('should not let even an admin change, delete or forge an entry over REST', async () => {
    const { entry, expectUntouched } = await target()
    const adminToken = await token(studio.world.users.admin)
    const attempts = [
      rest(`/api/audit-log/${entry.id}`, {
        method: 'PATCH',
        token: adminToken,
        body: { summary: 'Forged' },
      }),
      rest(`/api/audit-log/${entry.id}`, { method: 'DELETE', token: adminToken }),
      rest(`/api/audit-log?where[id][equals]=${entry.id}`, {
        method: 'PATCH',
        token: adminToken,
        body: { summary: 'Forged' },
      }),
      rest(`/api/audit-log?where[id][equals]=${entry.id}`, { method: 'DELETE', token: adminToken }),
      rest('/api/audit-log', {
        method: 'POST',
        token: adminToken,
        body: { action: 'login', summary: 'Forged', entityId: 'forged' },
      }),
    ]
    for (const attempt of await Promise.all(attempts)) {
      expect([403, 405], JSON.stringify(attempt.body)).toContain(attempt.status)
    }
    await expectUntouched()
    expect(await entries({ entityId: { equals: 'forged' } })).toEqual([])
  })

  it('should not let even an admin change or delete an entry over GraphQL', async () => {
    const { entry, expectUntouched } = await target()
    const adminToken = await token(studio.world.users.admin)
    for (const query of [
      `mutation { updateAuditLog(id: ${JSON.stringify(entry.id)}, data: { summary: "Forged" }) { id summary } }`,
      `mutation { deleteAuditLog(id: ${JSON.stringify(entry.id)}) { id } }`,
    ]) {
      const response = await rest('/api/graphql', {
        method: 'POST',
        token: adminToken,
        body: { query },
      })
      const errors = response.body.errors as { message: string }[] | undefined
      expect(errors?.length, `${query}: ${JSON.stringify(response.body)}`).toBeGreaterThan(0)
      const data = response.body.data as Record<string, unknown> | null | undefined
      expect(data?.updateAuditLog ?? data?.deleteAuditLog ?? null).toBeNull()
    }
    await expectUntouched()
  })

  it('should refuse an admin through the Local API with access control', async () => {
    const { entry, expectUntouched } = await target()
    const admin = studio.world.users.admin
    await expect(
      studio.payload.update({
        ...as(admin),
        collection: 'audit-log',
        id: entry.id,
        data: { summary: 'Forged' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      studio.payload.delete({ ...as(admin), collection: 'audit-log', id: entry.id }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      studio.payload.create({
        ...as(admin),
        collection: 'audit-log',
        data: { action: 'login', summary: 'Forged' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expectUntouched()
  })

  it('should refuse even trusted code that skips access control (overrideAccess: true)', async () => {
    const { entry, expectUntouched } = await target()
    await expect(
      studio.payload.update({
        collection: 'audit-log',
        id: entry.id,
        data: { summary: 'Forged' },
        overrideAccess: true,
      }),
    ).rejects.toThrow(APPEND_ONLY)
    await expect(
      studio.payload.delete({ collection: 'audit-log', id: entry.id, overrideAccess: true }),
    ).rejects.toThrow(APPEND_ONLY)
    const bulkUpdate = await studio.payload.update({
      collection: 'audit-log',
      where: { id: { equals: entry.id } },
      data: { summary: 'Forged' },
      overrideAccess: true,
    })
    expect(bulkUpdate.docs).toEqual([])
    expect(bulkUpdate.errors[0]?.message).toMatch(APPEND_ONLY)
    const bulkDelete = await studio.payload.delete({
      collection: 'audit-log',
      where: { id: { equals: entry.id } },
      overrideAccess: true,
    })
    expect(bulkDelete.docs).toEqual([])
    expect(bulkDelete.errors[0]?.message).toMatch(APPEND_ONLY)
    await expectUntouched()
  })
})

describe('audit log: who reads it', () => {
  it('should show nothing to designers, co-producers, publishers or anonymous callers', async () => {
    const { designer, coProducer, publisher } = studio.world.users
    await token(publisher)
    const someEntry = (await entries({ action: { equals: 'login' } })).at(-1)!
    for (const user of [designer, coProducer, publisher, null]) {
      const auth = user ? await token(user) : undefined
      const who = user?.role ?? 'anonymous'
      expect((await rest('/api/audit-log', { token: auth })).status, who).toBe(403)
      expect((await rest(`/api/audit-log/${someEntry.id}`, { token: auth })).status, who).toBe(403)
      const graphql = await rest('/api/graphql', {
        method: 'POST',
        token: auth,
        body: { query: '{ AuditLogs { docs { id summary } } }' },
      })
      expect(graphql.body.errors, who).toBeTruthy()
      expect((graphql.body.data as { AuditLogs?: unknown } | null)?.AuditLogs ?? null, who).toBe(
        null,
      )
      if (user) {
        await expect(
          studio.payload.find({ ...as(user), collection: 'audit-log' }),
          who,
        ).rejects.toMatchObject({ status: 403 })
      }
    }
  })

  it('should let an admin read and filter entries by action, actor and collection', async () => {
    const { admin, publisher } = studio.world.users
    await token(publisher)
    const adminToken = await token(admin)
    const signIns = await rest(
      `/api/audit-log?where[action][equals]=login&where[actor][equals]=${publisher.id}&depth=0&limit=100`,
      { token: adminToken },
    )
    expect(signIns.status).toBe(200)
    const docs = signIns.body.docs as AuditLog[]
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) expect(doc).toMatchObject({ action: 'login', actor: publisher.id })

    const toolkitEntries = await rest(
      `/api/audit-log?where[entityCollection][equals]=toolkits&depth=0&limit=5&sort=-createdAt`,
      { token: adminToken },
    )
    expect(toolkitEntries.status).toBe(200)
    const toolkitDocs = toolkitEntries.body.docs as AuditLog[]
    expect(toolkitDocs.length).toBeGreaterThan(0)
    for (const doc of toolkitDocs) expect(doc.entityCollection).toBe('toolkits')
  })
})
