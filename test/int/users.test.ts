import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { as, getTestPayload } from './helpers/payload'
import { startRestServer, type RestServer } from './helpers/restServer'
import { buildWorld, PASSWORD, type World } from './helpers/world'

let payload: Payload
let world: World
let server: RestServer

beforeAll(async () => {
  payload = await getTestPayload()
  world = await buildWorld(payload)
  server = await startRestServer()
})

afterAll(async () => {
  await server?.close()
  await world?.cleanup()
})

async function token(email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

describe('users and roles', () => {
  it('should let a user update their own profile but silently keep their role', async () => {
    const designer = world.users.designer
    const updated = await payload.update({
      ...as(designer),
      collection: 'users',
      id: designer.id,
      data: { displayName: 'Dana D.', role: 'admin' },
    })
    expect(updated.displayName).toBe('Dana D.')
    const stored = await payload.findByID({ collection: 'users', id: designer.id })
    expect(stored.role).toBe('designer')
  })

  it('should not let a publisher raise their own role over REST either', async () => {
    const publisher = world.users.publisher
    const response = await fetch(`${server.url}/api/users/${publisher.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `JWT ${await token(publisher.email)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: 'admin' }),
    })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: publisher.id })
    expect(stored.role).toBe('publisher')
  })

  it('should let an admin change a role', async () => {
    const target = world.users.publisher
    await payload.update({
      ...as(world.users.admin),
      collection: 'users',
      id: target.id,
      data: { role: 'designer' },
    })
    expect((await payload.findByID({ collection: 'users', id: target.id })).role).toBe('designer')
    await payload.update({ collection: 'users', id: target.id, data: { role: 'publisher' } })
  })

  it('should let only admins unlock a locked account', async () => {
    const target = world.users.otherCoProducer
    const lock = () =>
      payload.db.updateOne({
        collection: 'users',
        id: target.id,
        data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 3_600_000).toISOString() },
      })
    await lock()
    const unlock = async (email: string) =>
      fetch(`${server.url}/api/users/unlock`, {
        method: 'POST',
        headers: { authorization: `JWT ${await token(email)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: target.email }),
      })
    for (const role of ['designer', 'coProducer', 'publisher'] as const) {
      expect((await unlock(world.users[role].email)).status, `${role} unlocking`).toBe(403)
    }
    const lockedLogin = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: target.email, password: PASSWORD }),
    })
    expect(lockedLogin.status).toBe(401)
    expect((await unlock(world.users.admin.email)).status).toBe(200)
    await token(target.email)
  })

  it("should hide a co-producer's real name and email from other non-admins on every API", async () => {
    const coProducer = world.users.coProducer
    for (const viewer of [
      world.users.designer,
      world.users.publisher,
      world.users.otherCoProducer,
    ]) {
      const local = await payload.findByID({
        ...as(viewer),
        collection: 'users',
        id: coProducer.id,
      })
      expect(local.displayName).toBe(coProducer.pseudonym)
      expect(local).not.toHaveProperty('realName')
      expect(local).not.toHaveProperty('email')

      const auth = { authorization: `JWT ${await token(viewer.email)}` }
      const rest = (await (
        await fetch(`${server.url}/api/users/${coProducer.id}`, { headers: auth })
      ).json()) as Record<string, unknown>
      expect(rest.displayName).toBe(coProducer.pseudonym)
      expect(rest).not.toHaveProperty('realName')
      expect(rest).not.toHaveProperty('email')
      expect(JSON.stringify(rest)).not.toContain(coProducer.realName!)

      const graphql = await fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ User(id: ${coProducer.id}) { displayName realName email } }`,
        }),
      })
      const { data } = (await graphql.json()) as { data: { User: Record<string, unknown> } }
      expect(data.User).toEqual({ displayName: coProducer.pseudonym, realName: null, email: null })
    }
  })

  it('should show the real name to admins and to the co-producer themselves', async () => {
    const coProducer = world.users.coProducer
    for (const viewer of [world.users.admin, coProducer]) {
      const doc = await payload.findByID({ ...as(viewer), collection: 'users', id: coProducer.id })
      expect(doc.realName).toBe(coProducer.realName)
      expect(doc.email).toBe(coProducer.email)
    }
  })

  it('should always show a co-producer by pseudonym, whatever display name is sent', async () => {
    const coProducer = world.users.coProducer
    const updated = await payload.update({
      ...as(coProducer),
      collection: 'users',
      id: coProducer.id,
      data: { displayName: coProducer.realName! },
    })
    expect(updated.displayName).toBe(coProducer.pseudonym)
  })

  it('should require a pseudonym for a co-producer', async () => {
    await expect(
      payload.create({
        ...as(world.users.admin),
        collection: 'users',
        data: {
          email: `nopseudo-${world.suffix}@test.example`,
          password: PASSWORD,
          role: 'coProducer',
          displayName: 'Visible Name',
        },
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path: 'pseudonym' })] },
    })
  })
})
