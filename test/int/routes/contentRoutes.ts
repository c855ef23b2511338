import { expect } from 'vitest'

import { CALLERS, type Caller } from '../helpers/routeCallers'
import { on, type RouteContext, type RouteRule } from '../helpers/routeTable'

export const CONTENT_COLLECTIONS = [
  'toolkits',
  'modules',
  'exercises',
  'clips',
  'scripts',
  'comments',
  'voice-comments',
  'consents',
  'audiences',
  'accents',
  'animations',
  'voice-tracks',
  'captions',
  'images',
  'releases',
  'audit-log',
] as const
export const AUTH_COLLECTIONS = ['users', 'delivery-apps'] as const
export const APP_COLLECTIONS = [...CONTENT_COLLECTIONS, ...AUTH_COLLECTIONS] as const
export const UPLOAD_COLLECTIONS = [
  'animations',
  'voice-tracks',
  'voice-comments',
  'captions',
  'images',
] as const
type AppCollection = (typeof APP_COLLECTIONS)[number]

const STAFF_ALL: Caller[] = ['coProducer', 'publisher', 'designer', 'admin']

/** Who may list each collection at all (a co-producer sees only what is assigned). */
const LIST_READERS: Record<AppCollection, Caller[]> = {
  toolkits: STAFF_ALL,
  modules: STAFF_ALL,
  exercises: STAFF_ALL,
  clips: STAFF_ALL,
  scripts: STAFF_ALL,
  comments: ['coProducer', 'designer', 'admin'],
  'voice-comments': ['coProducer', 'designer', 'admin'],
  consents: ['coProducer', 'admin'],
  audiences: STAFF_ALL,
  accents: STAFF_ALL,
  animations: STAFF_ALL,
  'voice-tracks': STAFF_ALL,
  captions: STAFF_ALL,
  images: STAFF_ALL,
  releases: ['publisher', 'designer', 'admin'],
  'audit-log': ['admin'],
  users: STAFF_ALL,
  'delivery-apps': ['admin'],
}

export const REFUSED = [401, 403]
const REFUSED_OR_HIDDEN = [401, 403, 404]

const expectStatus = (status: number, expected: number[], what: string) =>
  expect(expected, `${what}: got ${status}`).toContain(status)

async function listAs({ callers }: RouteContext, caller: Caller, collection: string) {
  return callers.call<{ totalDocs?: number }>(caller, 'GET', `/api/${collection}?depth=0&limit=1`)
}

export const contentRules: RouteRule[] = [
  {
    routes: on(APP_COLLECTIONS, 'GET /', 'GET /:id', 'POST /', 'PATCH /:id', 'DELETE /:id'),
    who: "each collection's own access rules (the roles table of DESIGN.md; role by role in test/int/access.rest.test.ts); anonymous requests and delivery apps get nothing",
    check: async (context) => {
      for (const collection of APP_COLLECTIONS) {
        for (const caller of CALLERS) {
          const { status } = await listAs(context, caller, collection)
          const allowed = LIST_READERS[collection].includes(caller)
          expectStatus(status, allowed ? [200] : REFUSED, `${caller} lists ${collection}`)
        }
      }
      const { callers, world } = context
      const toolkit = world.docs.toolkits.assigned
      for (const [method, url] of [
        ['GET', `/api/toolkits/${toolkit}`],
        ['POST', '/api/toolkits'],
        ['PATCH', `/api/toolkits/${toolkit}`],
        ['DELETE', `/api/toolkits/${toolkit}`],
      ]) {
        const { status } = await callers.call(
          'deliveryApp',
          method,
          url,
          method === 'GET' ? undefined : {},
        )
        expectStatus(status, REFUSED, `a delivery app: ${method} ${url}`)
      }
    },
  },
  {
    routes: on(APP_COLLECTIONS, 'PATCH /', 'DELETE /'),
    who: "the collection's update or delete rule, applied to each matching document: the others stay as they were",
    check: async ({ callers, payload, world }) => {
      const { assigned, unassigned } = world.docs.scripts
      const before = await payload.findByID({ collection: 'scripts', id: unassigned, depth: 0 })
      const where = `where[id][in][0]=${assigned}&where[id][in][1]=${unassigned}`
      await callers.call('coProducer', 'PATCH', `/api/scripts?${where}`, { title: 'Bulk edit' })
      const after = await payload.findByID({ collection: 'scripts', id: unassigned, depth: 0 })
      expect(after.title, "a co-producer's bulk edit leaves others' scripts alone").toBe(
        before.title,
      )
      await payload.update({ collection: 'scripts', id: assigned, data: { title: before.title } })
      for (const caller of ['publisher', 'deliveryApp', 'anonymous'] as const) {
        const toolkit = world.docs.toolkits.unassigned
        await callers.call(caller, 'DELETE', `/api/toolkits?where[id][equals]=${toolkit}`)
        const still = await payload.count({
          collection: 'toolkits',
          where: { id: { equals: toolkit } },
        })
        expect(still.totalDocs, `${caller} bulk-deleting a toolkit`).toBe(1)
      }
    },
  },
  {
    routes: on(APP_COLLECTIONS, 'GET /count'),
    who: 'counts only what the caller may read: the same rule, and the same answer, as listing',
    check: async (context) => {
      for (const collection of [
        'scripts',
        'comments',
        'users',
        'releases',
        'audit-log',
        'delivery-apps',
      ]) {
        for (const caller of CALLERS) {
          const list = await listAs(context, caller, collection)
          const count = await context.callers.call<{ totalDocs?: number }>(
            caller,
            'GET',
            `/api/${collection}/count`,
          )
          expect(count.status, `${caller} counts ${collection}`).toBe(list.status)
          if (list.status === 200) expect(count.json.totalDocs).toBe(list.json.totalDocs)
        }
      }
    },
  },
  {
    routes: on(APP_COLLECTIONS, 'POST /access/:id?'),
    who: "the caller's own permissions on the collection or one document (what the admin shows); never the document's content",
    check: async ({ callers, payload, world }) => {
      const script = await payload.findByID({
        collection: 'scripts',
        id: world.docs.scripts.unassigned,
        depth: 0,
      })
      for (const caller of CALLERS) {
        const answer = await callers.call(caller, 'POST', `/api/scripts/access/${script.id}`)
        expect(answer.text, `${caller}: permissions, not content`).not.toContain(script.title)
        if (caller === 'anonymous' || caller === 'deliveryApp' || caller === 'coProducer') {
          expect(answer.text, `${caller} may do nothing with another's script`).not.toMatch(/true/)
        }
      }
    },
  },
  {
    routes: on(
      // Accounts, consent records, recordings and the append-only audit log cannot be copied.
      APP_COLLECTIONS.filter(
        (c) => !['users', 'delivery-apps', 'audit-log', 'consents', 'voice-comments'].includes(c),
      ),
      'POST /:id/duplicate',
    ),
    who: "the collection's create rule, on a document the caller may read",
    check: async ({ callers, payload, world }) => {
      const { assigned, unassigned } = world.docs.scripts
      for (const caller of ['anonymous', 'deliveryApp', 'coProducer', 'publisher'] as const) {
        for (const id of [assigned, unassigned]) {
          const { status } = await callers.call(caller, 'POST', `/api/scripts/${id}/duplicate`)
          expectStatus(status, REFUSED_OR_HIDDEN, `${caller} duplicates script ${id}`)
        }
      }
      const copy = await callers.call<{ doc?: { id: number } }>(
        'designer',
        'POST',
        `/api/scripts/${unassigned}/duplicate`,
      )
      expect(copy.status, copy.text).toBe(200)
      await payload.delete({ collection: 'scripts', id: copy.json.doc!.id })
    },
  },
  {
    routes: on(['scripts'], 'GET /versions', 'GET /versions/:id', 'POST /versions/:id'),
    who: 'versions of scripts: read by whoever may read the script (a co-producer: assigned scripts only); restoring one needs the right to edit it',
    check: async ({ callers, payload, world }) => {
      const { assigned, unassigned } = world.docs.scripts
      const listed = await callers.call<{ docs: { parent: number }[] }>(
        'coProducer',
        'GET',
        '/api/scripts/versions?depth=0&limit=100',
      )
      expect(listed.status).toBe(200)
      const parents = new Set(listed.json.docs.map((v) => String(v.parent)))
      expect(parents.has(String(assigned))).toBe(true)
      expect(parents.has(String(unassigned)), "another's script versions").toBe(false)
      const versions = await payload.findVersions({
        collection: 'scripts',
        where: { parent: { equals: unassigned } },
        limit: 1,
      })
      const versionId = versions.docs[0].id
      const read = await callers.call('coProducer', 'GET', `/api/scripts/versions/${versionId}`)
      expectStatus(read.status, REFUSED_OR_HIDDEN, "a co-producer reads another's version")
      for (const caller of ['anonymous', 'deliveryApp', 'coProducer', 'publisher'] as const) {
        const { status } = await callers.call(caller, 'POST', `/api/scripts/versions/${versionId}`)
        expectStatus(status, REFUSED_OR_HIDDEN, `${caller} restores a version`)
      }
    },
  },
  {
    routes: on(UPLOAD_COLLECTIONS, 'GET /file/:filename'),
    who: 'the read rule of the document that holds the file',
    check: async ({ callers, payload, world }) => {
      const image = await payload.findByID({
        collection: 'images',
        id: world.docs.images.unassigned,
        depth: 0,
      })
      const url = `/api/images/file/${encodeURIComponent(image.filename!)}`
      for (const caller of CALLERS) {
        const { status } = await callers.call(caller, 'GET', url)
        const allowed = caller === 'publisher' || caller === 'designer' || caller === 'admin'
        expectStatus(status, allowed ? [200] : REFUSED_OR_HIDDEN, `${caller} fetches ${url}`)
      }
    },
  },
]
