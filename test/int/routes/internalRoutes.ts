import { createLocalReq, type Payload } from 'payload'
import { expect } from 'vitest'

import { REFUSED } from './contentRoutes'
import type { User } from '../../../src/payload-types'
import { wellFormedId } from '../helpers/databaseKind'
import { CALLERS } from '../helpers/routeCallers'
import { on, type RouteContext, type RouteRule } from '../helpers/routeTable'

export const INTERNAL_COLLECTIONS = [
  'payload-kv',
  'payload-jobs',
  'payload-locked-documents',
  'payload-preferences',
] as const

const CRUD = [
  'GET /',
  'GET /:id',
  'GET /count',
  'POST /',
  'PATCH /',
  'PATCH /:id',
  'DELETE /',
  'DELETE /:id',
  'POST /access/:id?',
]
const LOCKS = 'payload-locked-documents'

type Lock = { id: number; user: { relationTo: string; value: number | { id: number } } }
const lockHolder = (lock: Lock) =>
  typeof lock.user.value === 'object' ? lock.user.value.id : lock.user.value

async function locksOn(payload: Payload, id: number | string) {
  return payload.find({
    collection: LOCKS,
    where: { 'document.value': { equals: id } },
    depth: 0,
    pagination: false,
  })
}

async function asUser(payload: Payload, user: User) {
  return createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
}

async function checkJobs({ callers, payload, world }: RouteContext) {
  const queue = `route-rules-${Date.now()}`
  const job = await payload.jobs.queue({
    task: 'processClipMedia',
    input: { clipId: String(world.docs.clips.unassigned) },
    queue,
  })
  try {
    for (const caller of CALLERS) {
      for (const path of ['run', 'handle-schedules']) {
        const answer = await callers.call(caller, 'GET', `/api/payload-jobs/${path}?queue=${queue}`)
        expect(answer.status, `${caller}: GET /api/payload-jobs/${path}`).toBe(404)
      }
    }
    const after = await payload.findByID({ collection: 'payload-jobs', id: job.id })
    expect(after.totalTried ?? 0, 'nobody ran the job over HTTP').toBe(0)
    expect(after.processing).toBe(false)
    const designer = await asUser(payload, world.users.designer)
    await expect(
      payload.jobs.queue({
        task: 'processClipMedia',
        input: { clipId: '0' },
        queue,
        overrideAccess: false,
        req: designer,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.jobs.run({ queue, overrideAccess: false, req: designer }),
    ).rejects.toMatchObject({ status: 403 })
  } finally {
    await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: queue } } })
  }
}

async function checkLocks({ callers, payload, world }: RouteContext) {
  const { assigned, unassigned } = world.docs.scripts
  const { admin, coProducer, designer } = world.users
  const adminsLock = await payload.create({
    collection: LOCKS,
    data: {
      document: { relationTo: 'scripts', value: unassigned },
      user: { relationTo: 'users', value: admin.id },
    },
  })
  try {
    const listing = `/api/${LOCKS}?depth=0&where[document.value][equals]=${unassigned}`
    for (const caller of ['coProducer', 'publisher'] as const) {
      const listed = await callers.call<{ docs: Lock[] }>(caller, 'GET', listing)
      expect(listed.status).toBe(200)
      expect(listed.json.docs, `${caller} sees a lock on a script it may not edit`).toEqual([])
      const counted = await callers.call<{ totalDocs: number }>(
        caller,
        'GET',
        `/api/${LOCKS}/count?where[document.value][equals]=${unassigned}`,
      )
      expect(counted.json.totalDocs).toBe(0)
    }
    const seen = await callers.call<{ docs: Lock[] }>('designer', 'GET', listing)
    expect(seen.json.docs.map((lock) => lock.id)).toEqual([adminsLock.id])
    for (const caller of ['anonymous', 'deliveryApp'] as const) {
      for (const [method, url] of [
        ['GET', listing],
        ['GET', `/api/${LOCKS}/count`],
        ['POST', `/api/${LOCKS}`],
        ['PATCH', `/api/${LOCKS}/${adminsLock.id}`],
        ['DELETE', `/api/${LOCKS}/${adminsLock.id}`],
      ]) {
        const body = method === 'GET' || method === 'DELETE' ? undefined : {}
        const { status } = await callers.call(caller, method, url, body)
        expect(REFUSED, `${caller}: ${method} ${url}`).toContain(status)
      }
    }

    const inAdminsName = (value: number | string) => ({
      document: { relationTo: 'scripts', value },
      user: { relationTo: 'users', value: admin.id },
    })
    const refused = await callers.call(
      'coProducer',
      'POST',
      `/api/${LOCKS}`,
      inAdminsName(unassigned),
    )
    expect(refused.status, refused.text).toBe(403)
    const byPublisher = await callers.call(
      'publisher',
      'POST',
      `/api/${LOCKS}`,
      inAdminsName(assigned),
    )
    expect(byPublisher.status, 'a publisher may not edit scripts, so may not lock one').toBe(403)
    expect((await locksOn(payload, unassigned)).docs.map((l) => l.id)).toEqual([adminsLock.id])

    const own = await callers.call<{ doc: Lock }>(
      'coProducer',
      'POST',
      `/api/${LOCKS}`,
      inAdminsName(assigned),
    )
    expect(own.status, own.text).toBe(201)
    expect(lockHolder(own.json.doc), 'a lock is held in its maker’s name').toBe(coProducer.id)
    const moved = await callers.call('coProducer', 'PATCH', `/api/${LOCKS}/${own.json.doc.id}`, {
      document: { relationTo: 'scripts', value: unassigned },
    })
    expect(moved.status, 'moving a lock onto a script one may not edit').toBe(403)
    const globalLock = await callers.call('designer', 'POST', `/api/${LOCKS}`, {
      globalSlug: 'anything',
      user: { relationTo: 'users', value: designer.id },
    })
    expect(globalLock.status, globalLock.text).toBe(400)

    for (const method of ['PATCH', 'DELETE']) {
      const { status } = await callers.call(
        'coProducer',
        method,
        `/api/${LOCKS}/${adminsLock.id}`,
        method === 'PATCH' ? inAdminsName(unassigned) : undefined,
      )
      expect([403, 404], `a co-producer: ${method} the admin's lock`).toContain(status)
    }
    const takeOver = await callers.call<{ doc: Lock }>(
      'designer',
      'PATCH',
      `/api/${LOCKS}/${adminsLock.id}`,
      { user: { relationTo: 'users', value: admin.id } },
    )
    expect(takeOver.status, takeOver.text).toBe(200)
    expect(lockHolder(takeOver.json.doc), 'taking over puts the lock in the taker’s name').toBe(
      designer.id,
    )
    const released = await callers.call('coProducer', 'DELETE', `/api/${LOCKS}/${own.json.doc.id}`)
    expect(released.status).toBe(200)
  } finally {
    await payload.delete({
      collection: LOCKS,
      where: { 'document.value': { in: [assigned, unassigned] } },
    })
  }
}

async function checkPreferences({ callers, payload, world }: RouteContext) {
  const key = `route-rules-${Date.now()}`
  const { coProducer } = world.users
  for (const caller of ['anonymous', 'deliveryApp'] as const) {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const body = method === 'POST' ? { value: { open: true } } : undefined
      const { status } = await callers.call(caller, method, `/api/payload-preferences/${key}`, body)
      expect(status, `${caller}: ${method} a preference`).toBe(401)
    }
    for (const [method, url] of [
      ['GET', '/api/payload-preferences'],
      ['POST', '/api/payload-preferences'],
    ]) {
      const { status } = await callers.call(
        caller,
        method,
        url,
        method === 'POST' ? { key, value: 1 } : undefined,
      )
      expect(REFUSED, `${caller}: ${method} ${url}`).toContain(status)
    }
  }
  try {
    const saved = await callers.call('coProducer', 'POST', `/api/payload-preferences/${key}`, {
      value: { open: true },
    })
    expect(saved.status).toBe(200)
    const others = await callers.call<{ value: unknown }>(
      'designer',
      'GET',
      `/api/payload-preferences/${key}`,
    )
    expect(others.json.value, "someone else's preference").toBeNull()
    const forged = await callers.call<{ doc: { user: { value: { id: number } | number } } }>(
      'coProducer',
      'POST',
      '/api/payload-preferences',
      {
        key: `${key}-forged`,
        value: 1,
        user: { relationTo: 'users', value: world.users.admin.id },
      },
    )
    expect(forged.status, forged.text).toBe(201)
    const holder = forged.json.doc.user.value
    expect(typeof holder === 'object' ? holder.id : holder).toBe(coProducer.id)
    const mine = await callers.call<{ docs: { user: { value: { id: number } | number } }[] }>(
      'coProducer',
      'GET',
      '/api/payload-preferences?depth=0&limit=100',
    )
    expect(mine.json.docs.every((d) => d.user.value === coProducer.id)).toBe(true)
    const missing = await callers.call('designer', 'DELETE', `/api/payload-preferences/${key}`)
    expect(missing.status, 'deleting a preference one does not have').toBe(404)
    const removed = await callers.call('coProducer', 'DELETE', `/api/payload-preferences/${key}`)
    expect(removed.status).toBe(200)
  } finally {
    await payload.delete({
      collection: 'payload-preferences',
      where: { key: { like: key } },
    })
  }
}

/**
 * A collection no client route reaches (no REST, no GraphQL), which admins may read through
 * the Local API (the admin's server functions) and nobody may write to.
 */
async function checkRouteless(
  { callers, payload, world }: RouteContext,
  collection: 'payload-migrations' | 'notifications',
  graphqlField: string,
  forged: Record<string, unknown>,
) {
  for (const caller of ['admin', 'designer', 'coProducer', 'deliveryApp', 'anonymous'] as const) {
    const { status } = await callers.call(caller, 'GET', `/api/${collection}`)
    expect(status, `${caller}: GET /api/${collection}`).toBe(404)
    const graphql = await callers.call(caller, 'POST', '/api/graphql', {
      query: `{ ${graphqlField} { totalDocs } }`,
    })
    expect(graphql.text, `${caller}: ${collection} over GraphQL`).toMatch(/Cannot query field/)
  }
  const designer = { ...world.users.designer, collection: 'users' } as never
  await expect(
    payload.find({ collection, overrideAccess: false, user: designer }),
  ).rejects.toMatchObject({ status: 403 })
  const admin = { ...world.users.admin, collection: 'users' } as never
  await expect(
    payload.find({ collection, overrideAccess: false, user: admin }),
  ).resolves.toBeTruthy()
  await expect(
    payload.create({ collection, data: forged as never, overrideAccess: false, user: admin }),
  ).rejects.toMatchObject({ status: 403 })
}

const checkMigrations = (context: RouteContext) =>
  checkRouteless(context, 'payload-migrations', 'PayloadMigrations', { name: 'forged', batch: 99 })

/** The studio's outbox: sent by its jobs, read by admins in the admin, reached by no client route. */
const checkOutbox = (context: RouteContext) =>
  checkRouteless(context, 'notifications', 'Notifications', {
    recipient: context.world.users.admin.id,
    kind: 'reviewRequested',
    subject: 'forged',
    text: 'forged',
    mode: 'immediate',
    status: 'pending',
    dueAt: new Date().toISOString(),
  })

export const internalRules: RouteRule[] = [
  {
    routes: ['GET /api/payload-jobs/run', 'GET /api/payload-jobs/handle-schedules'],
    who: 'not offered (404): jobs run in workers (npm run worker) or the server’s own schedule, never in a request. jobs.access: only admins may run, queue or cancel jobs through Payload’s APIs',
    check: checkJobs,
  },
  {
    routes: on(['payload-jobs', 'payload-kv'], ...CRUD),
    who: 'nobody, admins included (Payload’s own rules: 403)',
    check: async ({ callers }) => {
      for (const collection of ['payload-jobs', 'payload-kv']) {
        for (const caller of ['admin', 'deliveryApp', 'designer'] as const) {
          for (const [method, url] of [
            ['GET', `/api/${collection}`],
            ['GET', `/api/${collection}/count`],
            ['POST', `/api/${collection}`],
            ['PATCH', `/api/${collection}/${wellFormedId}`],
            ['DELETE', `/api/${collection}/${wellFormedId}`],
          ]) {
            const body = method === 'POST' || method === 'PATCH' ? {} : undefined
            const { status } = await callers.call(caller, method, url, body)
            expect(status, `${caller}: ${method} ${url}`).toBe(403)
          }
        }
      }
    },
  },
  {
    routes: on([LOCKS], ...CRUD),
    who: 'staff who may edit the document: they see, take over and release locks on documents they may update, and every lock is held in its maker’s own name; delivery apps and anonymous requests: nothing',
    check: checkLocks,
  },
  {
    routes: [
      ...on(['payload-preferences'], ...CRUD),
      ...on(['payload-preferences'], 'GET /:key', 'POST /:key', 'DELETE /:key'),
      // Shadowed by GET /:key: the preference named "versions".
      'GET /api/payload-preferences/versions',
    ],
    who: 'staff, their own preferences only (held in their own name); delivery apps and anonymous requests: nothing (401/403)',
    check: checkPreferences,
  },
  {
    routes: ['GET /api/notifications'],
    absent: true,
    who: 'no routes (404) and no GraphQL: the outbox of emails is written and sent by the studio; admins read it in the admin, nobody may change it',
    check: checkOutbox,
  },
  {
    routes: ['GET /api/payload-migrations'],
    absent: true,
    who: 'no routes (404) and no GraphQL; through the admin’s server functions admins may read it, nobody may change it',
    check: checkMigrations,
  },
]
