import crypto from 'node:crypto'
import type { CollectionSlug, SanitizedConfig } from 'payload'

import type { Canary } from './canaries'
import type { CollectionReach } from './reach'

type Id = number | string
type Tree = { [key: string]: true | false | Tree }

export const DEPTHS = [0, 1, 2, 3] as const

/** One read an attacker would ask for, as data: run over REST or through the Local API. */
export interface ReadAttack {
  collection: CollectionSlug
  kind: 'list' | 'byId' | 'versions' | 'versionById' | 'me'
  id?: Id
  depth: number
  draft?: boolean
  select?: Tree
  populate?: Record<string, Tree>
  /** Populated deep enough, and not cut away by `select`, to reach a canary document. */
  reachesCanary: boolean
}

interface Variant {
  select?: Tree
  populate?: Record<string, Tree>
  /** The least depth at which a canary shows through this variant (Infinity: never). */
  minDepth: number
}

const allTrue = (names: string[]): Tree => Object.fromEntries(names.map((n) => [n, true]))

/** For every populated user, nothing but the private fields. */
const populatePrivate = (privateFields: string[]) => ({ users: allTrue(privateFields) })

function userVariants(config: SanitizedConfig, privateFields: string[]): Variant[] {
  const publicFields = config.collections
    .find((c) => c.slug === 'users')!
    .flattenedFields.filter((f) => !privateFields.includes(f.name) && !f.hidden && f.name !== 'id')
    .map((f) => f.name)
  return [
    { minDepth: 0 },
    // Only the private columns: the row holds nothing else a rule could look at.
    { select: allTrue(privateFields), minDepth: 0 },
    ...privateFields.map((f) => ({ select: allTrue([f]), minDepth: 0 })),
    // Everything but one column, e.g. select[role]=false.
    ...publicFields.map((f) => ({ select: { [f]: false }, minDepth: 0 })),
    { populate: populatePrivate(privateFields), minDepth: 0 },
  ]
}

function linkVariants(reach: CollectionReach, privateFields: string[]): Variant[] {
  const tops = [...new Set(reach.userLinks.map((l) => l.path.split('.')[0]))]
  // A user shows at depth 1 through a selected field unless the field is never populated.
  const depthThrough = (top: string) =>
    reach.userLinks.some((l) => l.path.split('.')[0] === top && (l.maxDepth ?? Infinity) >= 1)
      ? 1
      : Infinity
  const throughAny = Math.min(...tops.map(depthThrough))
  const populate = populatePrivate(privateFields)
  return [
    { minDepth: reach.hops },
    ...tops.map((top) => ({ select: allTrue([top]), minDepth: depthThrough(top) })),
    { select: allTrue(tops), minDepth: throughAny },
    { populate, minDepth: reach.hops },
    { select: allTrue(tops), populate, minDepth: throughAny },
    // Selecting into relationships as if they were groups.
    {
      select: Object.fromEntries(tops.map((top) => [top, allTrue(privateFields)])),
      minDepth: Infinity,
    },
  ]
}

const inVersion = (variant: Variant): Variant =>
  variant.select ? { ...variant, select: { version: variant.select } } : variant

/**
 * Every collection that reaches users × list, by id, versions and `/me` × `depth` 0–3 × `select`
 * and `populate` variants (and drafts). Generated from the config: only users is named here.
 */
export function readAttacks(args: {
  config: SanitizedConfig
  reaches: CollectionReach[]
  privateFields: string[]
  targets: Partial<Record<CollectionSlug, Id[]>>
  versionTargets: Partial<Record<CollectionSlug, Id[]>>
}): ReadAttack[] {
  const { config, reaches, privateFields, targets, versionTargets } = args
  const attacks: ReadAttack[] = []
  for (const reach of reaches) {
    const collection = reach.slug
    const isUsers = collection === 'users'
    const variants = isUsers
      ? userVariants(config, privateFields)
      : linkVariants(reach, privateFields)
    const drafts = reach.hasVersions ? [false, true] : [false]
    // Without relationships, depth changes nothing: the two ends are enough.
    const depths = reach.links.length ? DEPTHS : [DEPTHS[0], DEPTHS[DEPTHS.length - 1]]
    for (const depth of depths) {
      const reachable = (v: Variant) => depth >= v.minDepth
      for (const variant of variants) {
        const { select, populate } = variant
        const common = { collection, depth, select, populate, reachesCanary: reachable(variant) }
        for (const draft of drafts) attacks.push({ ...common, kind: 'list', draft })
        for (const id of targets[collection] ?? []) attacks.push({ ...common, kind: 'byId', id })
        if (isUsers) attacks.push({ ...common, kind: 'me', reachesCanary: false })
      }
      if (reach.hasVersions) {
        for (const variant of variants.map(inVersion)) {
          const common = {
            collection,
            depth,
            select: variant.select,
            populate: variant.populate,
            reachesCanary: reachable(variant),
          }
          attacks.push({ ...common, kind: 'versions' })
          for (const id of versionTargets[collection] ?? [])
            attacks.push({ ...common, kind: 'versionById', id })
        }
      }
    }
  }
  return attacks
}

function flatten(prefix: string, tree: Tree | Record<string, Tree>): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object'
      ? flatten(`${prefix}[${key}]`, value)
      : ([[`${prefix}[${key}]`, String(value)]] as [string, string][]),
  )
}

const queryString = (pairs: [string, string][]) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')

/** The attack as the REST request an attacker would send. */
export function toUrl(attack: ReadAttack): string {
  const path = {
    list: '',
    byId: `/${attack.id}`,
    versions: '/versions',
    versionById: `/versions/${attack.id}`,
    me: '/me',
  }[attack.kind]
  const pairs: [string, string][] = [['depth', String(attack.depth)]]
  if (attack.kind === 'list' || attack.kind === 'versions') pairs.push(['limit', '100'])
  if (attack.draft) pairs.push(['draft', 'true'])
  if (attack.select) pairs.push(...flatten('select', attack.select))
  if (attack.populate) pairs.push(...flatten('populate', attack.populate))
  return `/api/${attack.collection}${path}?${queryString(pairs)}`
}

/**
 * Two requests that differ only in a private value: if their answers differ, filtering or
 * sorting by the value tells what it is.
 */
export interface OracleProbe {
  name: string
  probe: string
  decoy: string
  isSort: boolean
  collection: CollectionSlug
}

/**
 * `where` (equals, like, exists) and `sort` on every private field, on users and through every
 * relationship that reaches users, on lists and counts. Probes carry canary B's real values.
 */
export function restOracles(args: {
  reaches: CollectionReach[]
  privateFields: string[]
  canary: Canary
}): OracleProbe[] {
  const { reaches, privateFields, canary } = args
  const probes: OracleProbe[] = []
  const decoyOf = (value: string) =>
    value.replace(canary.token, crypto.randomBytes(6).toString('hex'))
  for (const reach of reaches) {
    const collection = reach.slug
    const prefixes =
      collection === 'users'
        ? ['']
        : reach.userLinks
            .filter((l) => (l.type === 'relationship' || l.type === 'upload') && !l.isPolymorphic)
            .map((l) => `${l.path}.`)
    for (const prefix of prefixes) {
      for (const field of privateFields) {
        const path = `${prefix}${field}`
        const value = canary.secrets[field]
        for (const endpoint of [
          `/api/${collection}?limit=100&depth=0`,
          `/api/${collection}/count?`,
        ]) {
          const where = (op: string, v: string) =>
            `${endpoint}&${queryString([[`where[${path}][${op}]`, v]])}`
          const pair = (op: string, probe: string, decoy: string): OracleProbe => ({
            name: `${endpoint} where[${path}][${op}]`,
            probe: where(op, probe),
            decoy: where(op, decoy),
            isSort: false,
            collection,
          })
          probes.push(
            pair('equals', value, decoyOf(value)),
            pair('like', canary.token, decoyOf(canary.token)),
            pair('exists', 'true', 'false'),
          )
        }
        probes.push({
          name: `/api/${collection} sort=${path}`,
          probe: `/api/${collection}?limit=100&depth=0&sort=${path}`,
          decoy: `/api/${collection}?limit=100&depth=0&sort=-${path}`,
          isSort: true,
          collection,
        })
      }
    }
  }
  return probes
}
