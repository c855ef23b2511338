import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  ACCESS_MATRIX,
  harmlessUpdate,
  MATRIX_COLLECTIONS,
  MATRIX_ROLES,
  type Role,
} from './accessMatrix'
import type { AccessClient, Outcome } from './clients'
import { getTestPayload, uniqueSuffix } from './payload'
import { buildWorld, newDocument, type World } from './world'

type Id = number | string

const DENIED = [401, 403, 404]

function expectDenied(outcome: Outcome, what: string) {
  expect(outcome.ok, `${what} should be refused`).toBe(false)
  if (!outcome.ok)
    expect(DENIED, `${what}: status ${outcome.status} ${outcome.message}`).toContain(outcome.status)
}

function expectAllowed(outcome: Outcome, what: string) {
  expect(outcome, `${what} should be allowed`).toMatchObject({ ok: true })
}

/**
 * Runs every role × collection × create/read/update/delete case of the access matrix through a
 * client (Local API with overrideAccess: false, or REST over HTTP).
 */
export function describeAccessMatrix(
  title: string,
  makeClient: (payload: Payload, world: World, role: Role) => Promise<AccessClient>,
) {
  describe(title, () => {
    let payload: Payload
    let world: World
    const clients = new Map<Role, AccessClient>()

    beforeAll(async () => {
      payload = await getTestPayload()
      world = await buildWorld(payload)
      for (const role of MATRIX_ROLES) clients.set(role, await makeClient(payload, world, role))
    })

    afterAll(async () => {
      await world?.cleanup()
    })

    const selfId = (role: Role): Id | null =>
      role === 'anonymous' ? null : world.users[role as keyof World['users']].id

    for (const collection of MATRIX_COLLECTIONS) {
      describe(collection, () => {
        for (const role of MATRIX_ROLES) {
          const rule = ACCESS_MATRIX[collection][role]

          it(`should let ${role} read ${rule.read} ${collection}`, async () => {
            const { assigned, unassigned } = world.docs[collection]
            const outcome = await clients.get(role)!.find(collection, [assigned, unassigned])
            if (rule.read === 'none') {
              if (outcome.ok) expect(outcome.ids).toEqual([])
              else expect(DENIED).toContain(outcome.status)
              return
            }
            expectAllowed(outcome, `${role} reading ${collection}`)
            const ids = (outcome.ok ? (outcome.ids ?? []) : []).map(String).sort()
            const expected = rule.read === 'all' ? [assigned, unassigned] : [assigned]
            expect(ids).toEqual(expected.map(String).sort())
          })

          it(`should ${rule.create ? '' : 'not '}let ${role} create ${collection}`, async () => {
            const marker = uniqueSuffix()
            const { data, file } = newDocument(collection, world, marker)
            const outcome = await clients.get(role)!.create(collection, data, file)
            if (outcome.ok && outcome.id != null) {
              await payload.delete({ collection, id: outcome.id, overrideAccess: true })
            }
            if (rule.create) expectAllowed(outcome, `${role} creating ${collection}`)
            else expectDenied(outcome, `${role} creating ${collection}`)
            const createdId = (outcome as { id?: Id }).id
            // Without an id back, only a user (found by email) could have been left behind.
            if (collection !== 'users' && createdId == null) return
            const leftovers = await payload.count({
              collection,
              where:
                collection === 'users'
                  ? { email: { equals: data.email as string } }
                  : { id: { equals: createdId } },
              overrideAccess: true,
            })
            expect(leftovers.totalDocs).toBe(0)
          })

          it(`should let ${role} update ${rule.update} ${collection}`, async () => {
            const client = clients.get(role)!
            const { assigned, unassigned } = world.docs[collection as CollectionSlug]
            const own = selfId(role)
            const targets: { id: Id; allowed: boolean }[] =
              rule.update === 'self'
                ? [
                    { id: own!, allowed: true },
                    {
                      id: String(own) === String(unassigned) ? assigned : unassigned,
                      allowed: false,
                    },
                  ]
                : [
                    { id: assigned, allowed: rule.update === 'any' || rule.update === 'assigned' },
                    { id: unassigned, allowed: rule.update === 'any' },
                  ]
            for (const target of targets) {
              const outcome = await client.update(
                collection,
                target.id,
                harmlessUpdate(collection, uniqueSuffix()),
              )
              const what = `${role} updating ${collection} ${target.id}`
              if (target.allowed) expectAllowed(outcome, what)
              else expectDenied(outcome, what)
            }
          })

          it(`should ${rule.delete ? '' : 'not '}let ${role} delete ${collection}`, async () => {
            const { data, file } = newDocument(collection, world, uniqueSuffix())
            const victim = await payload.create({
              collection,
              data,
              overrideAccess: true,
              ...(file ? { file: await file() } : {}),
            } as Parameters<Payload['create']>[0])
            const outcome = await clients.get(role)!.remove(collection, victim.id)
            const remaining = await payload.count({
              collection,
              where: { id: { equals: victim.id } },
              overrideAccess: true,
            })
            if (rule.delete) {
              expectAllowed(outcome, `${role} deleting ${collection}`)
              expect(remaining.totalDocs).toBe(0)
            } else {
              expectDenied(outcome, `${role} deleting ${collection}`)
              expect(remaining.totalDocs).toBe(1)
              await payload.delete({ collection, id: victim.id, overrideAccess: true })
            }
          })
        }
      })
    }
  })
}
