import { describe, expect, it } from 'vitest'

import { as } from './helpers/payload'
import { loginToken, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'

const studio = setUpStudio()

const token = (email: string) => loginToken(studio.server.url, email, PASSWORD)

describe('users and roles', () => {
  it('should let a user update their own profile but silently keep their role', async () => {
    const designer = studio.world.users.designer
    const updated = await studio.payload.update({
      ...as(designer),
      collection: 'users',
      id: designer.id,
      data: { displayName: 'Dana D.', role: 'admin' },
    })
    expect(updated.displayName).toBe('Dana D.')
    const stored = await studio.payload.findByID({ collection: 'users', id: designer.id })
    expect(stored.role).toBe('designer')
  })

  it('should not let a publisher raise their own role over REST either', async () => {
    const publisher = studio.world.users.publisher
    const response = await fetch(`${studio.server.url}/api/users/${publisher.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `JWT ${await token(publisher.email)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: 'admin' }),
    })
    expect(response.status).toBe(200)
    const stored = await studio.payload.findByID({ collection: 'users', id: publisher.id })
    expect(stored.role).toBe('publisher')
  })

  it('should let an admin change a role', async () => {
    const target = studio.world.users.publisher
    await studio.payload.update({
      ...as(studio.world.users.admin),
      collection: 'users',
      id: target.id,
      data: { role: 'designer' },
    })
    expect((await studio.payload.findByID({ collection: 'users', id: target.id })).role).toBe(
      'designer',
    )
    await studio.payload.update({ collection: 'users', id: target.id, data: { role: 'publisher' } })
  })

  it("should hide a co-producer's real name and email from other non-admins on every API", async () => {
    const coProducer = studio.world.users.coProducer
    for (const viewer of [
      studio.world.users.designer,
      studio.world.users.publisher,
      studio.world.users.otherCoProducer,
    ]) {
      const local = await studio.payload.findByID({
        ...as(viewer),
        collection: 'users',
        id: coProducer.id,
      })
      expect(local.displayName).toBe(coProducer.pseudonym)
      expect(local).not.toHaveProperty('realName')
      expect(local).not.toHaveProperty('email')

      const auth = { authorization: `JWT ${await token(viewer.email)}` }
      const rest = (await (
        await fetch(`${studio.server.url}/api/users/${coProducer.id}`, { headers: auth })
      ).json()) as Record<string, unknown>
      expect(rest.displayName).toBe(coProducer.pseudonym)
      expect(rest).not.toHaveProperty('realName')
      expect(rest).not.toHaveProperty('email')
      expect(JSON.stringify(rest)).not.toContain(coProducer.realName!)

      const graphql = await fetch(`${studio.server.url}/api/graphql`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ User(id: ${JSON.stringify(coProducer.id)}) { displayName realName email } }`,
        }),
      })
      const { data } = (await graphql.json()) as { data: { User: Record<string, unknown> } }
      expect(data.User).toEqual({ displayName: coProducer.pseudonym, realName: null, email: null })
    }
  })

  it('should show the real name to admins and to the co-producer themselves', async () => {
    const coProducer = studio.world.users.coProducer
    for (const viewer of [studio.world.users.admin, coProducer]) {
      const doc = await studio.payload.findByID({
        ...as(viewer),
        collection: 'users',
        id: coProducer.id,
      })
      expect(doc.realName).toBe(coProducer.realName)
      expect(doc.email).toBe(coProducer.email)
    }
  })

  it('should always show a co-producer by pseudonym, whatever display name is sent', async () => {
    const coProducer = studio.world.users.coProducer
    const updated = await studio.payload.update({
      ...as(coProducer),
      collection: 'users',
      id: coProducer.id,
      data: { displayName: coProducer.realName! },
    })
    expect(updated.displayName).toBe(coProducer.pseudonym)
  })

  it('should require a pseudonym for a co-producer', async () => {
    await expect(
      studio.payload.create({
        ...as(studio.world.users.admin),
        collection: 'users',
        data: {
          email: `nopseudo-${studio.world.suffix}@test.example`,
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
