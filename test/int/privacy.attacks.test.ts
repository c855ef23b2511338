import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { askGraphql, askLocal, askRest, inBatches, type Answer } from './helpers/privacy/ask'
import { canaryUserFields, seedCanaries, type Canaries } from './helpers/privacy/canaries'
import {
  graphqlAttacks,
  graphqlOracles,
  type GraphqlAttack,
} from './helpers/privacy/graphqlAttacks'
import { collectionsReachingUsers } from './helpers/privacy/reach'
import {
  readAttacks,
  restOracles,
  toUrl,
  type OracleProbe,
  type ReadAttack,
} from './helpers/privacy/readAttacks'
import {
  CANARY_VIEWER,
  VIEWER_NAMES,
  forbiddenTokens,
  leakedTokens,
  makeViewers,
  type Viewer,
  type Viewers,
} from './helpers/privacy/viewers'
import { setUpStudio } from './helpers/studio'
import configPromise from '@payload-config'

// Test names are made from the config before anything is seeded.
const config = await configPromise
const reaches = collectionsReachingUsers(config)

const studio = setUpStudio()
const run = {} as {
  canaries: Canaries
  viewers: Viewers
  privateFields: string[]
  reads: ReadAttack[]
  graphql: GraphqlAttack[]
  oracles: OracleProbe[]
  /** Collections whose canary documents an admin may read (preferences are their owner's). */
  adminReads: Set<CollectionSlug>
}

const viewer = (name: string): Viewer => run.viewers.list.find((v) => v.name === name)!
const allTokens = () => run.canaries.canaries.map((c) => c.token)

beforeAll(async () => {
  const { payload, world, server } = studio
  run.canaries = await seedCanaries(payload, world)
  run.viewers = await makeViewers(payload, server.url, world, run.canaries.canaries[0])
  run.privateFields = canaryUserFields(config).map((f) => f.name)
  const { targets, versionTargets } = run.canaries
  run.reads = readAttacks({
    config,
    reaches,
    privateFields: run.privateFields,
    targets,
    versionTargets,
  })

  const introspection = await askGraphql(server.url, viewer('admin'), getIntrospectionQuery())
  const schema = buildClientSchema(
    (JSON.parse(introspection.body) as { data: IntrospectionQuery }).data,
  )
  run.graphql = graphqlAttacks({
    schema,
    config,
    reaches,
    privateFields: run.privateFields,
    targets,
    versionTargets,
  })
  console.log(
    `privacy attacks: ${run.reads.length} reads (REST and Local API), ${run.graphql.length} GraphQL queries, per viewer`,
  )
  const canaryB = run.canaries.canaries[1]
  run.oracles = [
    ...restOracles({ reaches, privateFields: run.privateFields, canary: canaryB }),
    ...graphqlOracles({ schema, config, privateFields: run.privateFields, canary: canaryB }),
  ]

  run.adminReads = new Set()
  for (const { slug } of reaches) {
    const ids = targets[slug] ?? []
    const readable = await payload.find({
      collection: slug,
      where: { id: { in: ids } },
      overrideAccess: false,
      user: viewer('admin').localUser as never,
      depth: 0,
      limit: 100,
    })
    if (ids.length > 0 && readable.docs.length === ids.length) run.adminReads.add(slug)
  }
})

afterAll(async () => {
  await run.viewers?.cleanup()
  await run.canaries?.cleanup()
})

type Asked = { what: string; answer: Answer }

function leaksOf(who: Viewer, asked: Asked[]): string[] {
  const forbidden = forbiddenTokens(who, run.canaries.canaries)
  return asked
    .map(({ what, answer }) => ({ what, leaked: leakedTokens(answer.body, forbidden) }))
    .filter(({ leaked }) => leaked.length > 0)
    .map(({ what, leaked }) => `${what} → ${leaked.length} canary value(s)`)
}

/** The attacks that reached a canary yet showed none: an attack that cannot see is no test. */
function blindSpots(asked: (Asked & { reachesCanary: boolean })[]): string[] {
  return asked
    .filter((a) => a.reachesCanary && leakedTokens(a.answer.body, allTokens()).length === 0)
    .map((a) => `${a.what} → ${a.answer.status} ${a.answer.body.slice(0, 160)}`)
}

/**
 * GraphQL queries are split per root field to stay under the complexity limit, and a nested
 * path may lead through an empty relationship: each root field must show a canary somewhere.
 */
function blindRoots(asked: (Asked & GraphqlAttack)[]): string[] {
  const roots = new Map<string, boolean>()
  for (const a of asked.filter((q) => q.reachesCanary)) {
    const sees = leakedTokens(a.answer.body, allTokens()).length > 0
    roots.set(a.root, (roots.get(a.root) ?? false) || sees)
  }
  return [...roots].filter(([, sees]) => !sees).map(([root]) => root)
}

const askAllRest = (who: Viewer, attacks: ReadAttack[]) =>
  inBatches(attacks, async (attack) => {
    const url = toUrl(attack)
    return { what: url, answer: await askRest(studio.server.url, who, url), ...attack }
  })

const askAllGraphql = (who: Viewer, attacks: GraphqlAttack[]) =>
  inBatches(attacks, async (attack) => ({
    what: attack.query,
    answer: await askGraphql(studio.server.url, who, attack.query),
    ...attack,
  }))

const askAllLocal = async (who: Viewer, attacks: ReadAttack[]) => {
  const asked: (Asked & ReadAttack)[] = []
  for (const attack of attacks) {
    const answer = await askLocal(studio.payload, who, attack)
    if (answer) asked.push({ what: `Local API ${JSON.stringify(attack)}`, answer, ...attack })
  }
  return asked
}

describe('co-producer privacy under attack', () => {
  it('should weave the canaries into every collection that reaches users, through every link', async () => {
    const { payload } = studio
    const problems: string[] = []
    for (const reach of reaches) {
      const ids = run.canaries.targets[reach.slug] ?? []
      if (ids.length === 0) {
        problems.push(`${reach.slug}: no canary document (add one in seedCanaries)`)
        continue
      }
      const docs = await Promise.all(
        ids.map((id) =>
          payload.findByID({ collection: reach.slug, id, depth: 0, overrideAccess: true }),
        ),
      )
      const canaryIds = run.canaries.canaries.map((c) => String(c.user.id))
      for (const link of reach.userLinks.filter((l) => l.type !== 'join')) {
        const holds = docs.some((doc) =>
          userRefsIn(valueAt(doc, link.path)).some((id) => canaryIds.includes(id)),
        )
        if (!holds) problems.push(`${reach.slug}.${link.path}: no canary document fills this link`)
      }
      if (Number.isFinite(reach.hops)) {
        const deep = await Promise.all(
          ids.map((id) =>
            payload.findByID({
              collection: reach.slug,
              id,
              depth: reach.hops,
              overrideAccess: true,
            }),
          ),
        )
        if (leakedTokens(JSON.stringify(deep), allTokens()).length === 0)
          problems.push(`${reach.slug}: no canary value at depth ${reach.hops}`)
      }
      if (reach.hasVersions && !run.canaries.versionTargets[reach.slug]?.length)
        problems.push(`${reach.slug}: no canary version`)
    }
    expect(problems).toEqual([])
    expect(reaches.length, 'collections that reach users').toBeGreaterThan(5)
  })

  it('should answer every sign-in with nothing but the signed-in person', () => {
    for (const who of run.viewers.list) {
      const asked = who.signInBodies.map((body) => ({
        what: `sign-in of ${who.name}`,
        answer: { status: 200, body },
      }))
      expect(leaksOf(who, asked)).toEqual([])
    }
    const self = viewer(CANARY_VIEWER)
    expect(leakedTokens(self.signInBodies.join(''), [self.self!.token])).toHaveLength(1)
  })

  it('should keep the audit log free of private values, even for admins (DESIGN.md)', async () => {
    const admin = viewer('admin')
    const answer = await askRest(studio.server.url, admin, '/api/audit-log?depth=0&limit=100')
    expect(answer.status).toBe(200)
    expect(answer.body).toContain(run.canaries.canaries[0].user.pseudonym!)
    expect(leakedTokens(answer.body, allTokens())).toEqual([])
  })

  for (const reach of reaches) {
    describe(`through ${reach.slug}`, () => {
      const reads = () => run.reads.filter((a) => a.collection === reach.slug)
      const queries = () => run.graphql.filter((a) => a.collection === reach.slug)

      // Admins may see everything: their runs are the controls below.
      for (const name of VIEWER_NAMES.filter((n) => n !== 'admin')) {
        it(`should show ${name} no canary over REST`, async () => {
          const who = viewer(name)
          expect(leaksOf(who, await askAllRest(who, reads()))).toEqual([])
        })

        it(`should show ${name} no canary over GraphQL`, async () => {
          const who = viewer(name)
          expect(leaksOf(who, await askAllGraphql(who, queries()))).toEqual([])
        })

        it(`should show ${name} no canary through the Local API`, async () => {
          const who = viewer(name)
          expect(leaksOf(who, await askAllLocal(who, reads()))).toEqual([])
        })
      }

      it('should show admins the canaries wherever the attacks reach them', async () => {
        if (!run.adminReads.has(reach.slug)) return
        const admin = viewer('admin')
        // A collection may offer no REST routes or no GraphQL at all (the outbox of emails):
        // then its documents reach admins through the Local API (the admin's views) only.
        if (offersRest(reach.slug)) expect(blindSpots(await askAllRest(admin, reads()))).toEqual([])
        if (offersGraphql(reach.slug))
          expect(blindRoots(await askAllGraphql(admin, queries()))).toEqual([])
        expect(blindSpots(await askAllLocal(admin, reads()))).toEqual([])
      })
    })
  }

  it('should show canary A their own private values, and never canary B’s', async () => {
    const self = viewer(CANARY_VIEWER)
    const [a, b] = run.canaries.canaries
    const url = studio.server.url
    const own = [
      await askRest(url, self, '/api/users/me'),
      await askRest(url, self, `/api/users/${a.user.id}`),
      await askRest(
        url,
        self,
        `/api/users/${a.user.id}?${run.privateFields.map((f) => `select[${f}]=true`).join('&')}`,
      ),
      await askGraphql(url, self, `query { meUser { user { ${run.privateFields.join(' ')} } } }`),
    ]
    for (const answer of own) {
      expect(leakedTokens(answer.body, [a.token]), answer.body).toHaveLength(1)
      for (const field of run.privateFields) expect(answer.body).toContain(a.secrets[field])
      expect(leakedTokens(answer.body, [b.token])).toEqual([])
    }
  })

  describe('filtering and sorting by private fields', () => {
    // What a filter or a sort could change: which documents, how many, in what order (error
    // messages are left out: GraphQL repeats the value sent in them).
    const outcome = (answer: Answer) => {
      if (answer.status >= 400) return `refused ${answer.status}`
      const body = JSON.parse(answer.body) as { data?: unknown; errors?: unknown[] }
      if ('data' in body || 'errors' in body)
        return JSON.stringify({ data: body.data ?? null, errors: body.errors?.length ?? 0 })
      return JSON.stringify(body)
    }
    const ask = (who: Viewer, pathOrQuery: string) =>
      pathOrQuery.startsWith('query ')
        ? askGraphql(studio.server.url, who, pathOrQuery)
        : askRest(studio.server.url, who, pathOrQuery)

    for (const name of VIEWER_NAMES.filter((n) => n !== 'admin')) {
      it(`should give ${name} no oracle: the answer never depends on a private value`, async () => {
        const who = viewer(name)
        const oracles = await inBatches(run.oracles, async (oracle) => {
          const [probe, decoy] = await Promise.all([ask(who, oracle.probe), ask(who, oracle.decoy)])
          return { oracle, probe, decoy }
        })
        const revealing = oracles
          .filter(({ probe, decoy }) => outcome(probe) !== outcome(decoy))
          .map(
            ({ oracle, probe, decoy }) =>
              `${oracle.name}: ${outcome(probe).slice(0, 80)} ≠ ${outcome(decoy).slice(0, 80)}`,
          )
        expect(revealing).toEqual([])
        expect(
          leaksOf(
            who,
            oracles.flatMap(({ oracle, probe, decoy }) => [
              { what: oracle.probe, answer: probe },
              { what: oracle.decoy, answer: decoy },
            ]),
          ),
        ).toEqual([])
      })
    }

    it('should let admins filter and sort by them (so an oracle would show)', async () => {
      const admin = viewer('admin')
      // Per collection and kind of probe, one that tells is enough: canary B is not on every link.
      const tells = new Map<string, boolean>()
      for (const oracle of run.oracles.filter((o) => run.adminReads.has(o.collection))) {
        const isGraphql = oracle.probe.startsWith('query ')
        if (!(isGraphql ? offersGraphql : offersRest)(oracle.collection)) continue
        const key = `${oracle.collection} ${isGraphql ? 'GraphQL' : 'REST'} ${oracle.isSort ? 'sort' : 'where'}`
        const [probe, decoy] = await Promise.all([
          ask(admin, oracle.probe),
          ask(admin, oracle.decoy),
        ])
        tells.set(key, (tells.get(key) ?? false) || outcome(probe) !== outcome(decoy))
      }
      const blind = [...tells]
        .filter(([key, told]) => !told && !key.endsWith('sort'))
        .map(([k]) => k)
      expect(blind).toEqual([])
      expect(tells.get('users REST sort'), 'sorting users by a private field').toBe(true)
      expect(tells.get('users GraphQL sort'), 'sorting users by a private field').toBe(true)
    })
  })
})

/** Whether the collection has REST routes at all (the outbox has none: src/collections/internal). */
function offersRest(slug: CollectionSlug): boolean {
  const { endpoints } = studio.payload.collections[slug].config
  return Array.isArray(endpoints) && endpoints.length > 0
}

const offersGraphql = (slug: CollectionSlug): boolean =>
  studio.payload.collections[slug].config.graphQL !== false

/** The user ids a stored value refers to: ids, `{ relationTo, value }`, rich-text nodes. */
function userRefsIn(value: unknown): string[] {
  if (value == null) return []
  if (typeof value === 'number' || typeof value === 'string') return [String(value)]
  if (Array.isArray(value)) return value.flatMap(userRefsIn)
  if (typeof value === 'object') {
    const node = value as {
      relationTo?: string
      value?: unknown
      root?: unknown
      children?: unknown[]
    }
    if (node.relationTo) return node.relationTo === 'users' ? userRefsIn(node.value) : []
    if (node.root) return userRefsIn(node.root)
    if (node.children) return userRefsIn(node.children)
  }
  return []
}

/** The value at a dotted path, through arrays (any element). */
function valueAt(doc: unknown, path: string): unknown {
  let values: unknown[] = [doc]
  for (const key of path.split('.')) {
    values = values
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined))
      .filter((v) => v !== undefined && v !== null)
  }
  return values.length ? values : undefined
}
