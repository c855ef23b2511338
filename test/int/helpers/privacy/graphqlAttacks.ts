import {
  getNamedType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql'
import crypto from 'node:crypto'
import { formatNames, toWords, type CollectionSlug, type SanitizedConfig } from 'payload'

import type { Canary } from './canaries'
import type { CollectionReach } from './reach'
import type { OracleProbe } from './readAttacks'

type Id = number | string

export interface GraphqlAttack {
  collection: CollectionSlug
  /** The root field and its arguments: several queries share one, split to stay small. */
  root: string
  query: string
  reachesCanary: boolean
}

/** The type and root-field names Payload gives a collection (as in @payloadcms/graphql). */
export function graphqlNames(config: SanitizedConfig, slug: CollectionSlug) {
  const collection = config.collections.find((c) => c.slug === slug)!
  const names = (collection.graphQL || {}) as { singularName?: string; pluralName?: string }
  const fromSlug = formatNames(slug)
  const singular = names.singularName ? toWords(names.singularName, true) : fromSlug.singular
  const plural = names.pluralName ? toWords(names.pluralName, true) : fromSlug.plural
  return { singular, plural: singular === plural ? `all${singular}` : plural }
}

// Nested selections: at most this many documents along one path (the root's included), and no
// kind of document twice (a cycle reaches nothing new).
const MAX_DOCUMENTS_ON_A_PATH = 4
// Object nesting that is not a document (arrays, groups, join and relationship wrappers).
const MAX_LEVELS = 10
const PATHS_PER_QUERY = 8

const hasRequiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((a) => isNonNullType(a.type))

/** A field whose value can embed populated documents without a selection (rich text). */
const isPopulatedLeaf = (field: GraphQLField<unknown, unknown>) =>
  isLeafType(getNamedType(field.type)) && field.args.some((a) => a.name === 'depth')

/**
 * Every selection path from `type` to the user type, each ending in all the user's leaf fields,
 * and every rich-text leaf on the way (asked for with the deepest population).
 */
function pathsToUser(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  ctx: { userType: string; documentTypes: Set<string>; privateFields: string[] },
  onPath: string[],
  levels: number,
): string[] {
  if (type.name === ctx.userType && isObjectType(type)) {
    const leaves = Object.values(type.getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && !hasRequiredArgs(f))
      .map((f) => f.name)
    // Everything, and only the private fields: with `select: true` the row then holds nothing
    // else a rule could look at.
    return [leaves.join(' '), ['id', ...ctx.privateFields].join(' ')]
  }
  if (levels > MAX_LEVELS) return []
  const enter = (next: GraphQLNamedType): string[] | null => {
    if (!ctx.documentTypes.has(next.name)) return onPath
    if (onPath.includes(next.name) || onPath.length >= MAX_DOCUMENTS_ON_A_PATH) return null
    return [...onPath, next.name]
  }
  if (isUnionType(type)) {
    return type.getTypes().flatMap((member) => {
      const path = enter(member)
      if (!path) return []
      return pathsToUser(schema, member, ctx, path, levels + 1).map(
        (s) => `... on ${member.name} { ${s} }`,
      )
    })
  }
  if (!isObjectType(type)) return []
  const paths: string[] = []
  for (const field of Object.values(type.getFields())) {
    if (hasRequiredArgs(field)) continue
    if (isPopulatedLeaf(field)) {
      paths.push(`${field.name}(depth: ${MAX_DOCUMENTS_ON_A_PATH - 1})`)
      continue
    }
    const named = getNamedType(field.type)
    if (isLeafType(named)) continue
    const path = enter(named)
    if (!path) continue
    for (const sub of pathsToUser(schema, named, ctx, path, levels + 1)) {
      paths.push(`${field.name} { ${sub} }`)
    }
  }
  return paths
}

const literal = (id: Id) => (typeof id === 'number' ? String(id) : JSON.stringify(id))

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * GraphQL attacks from the schema the studio serves: for each collection that reaches users,
 * its list, by-id, versions and `me` queries (with and without `select: true`) × every nested
 * selection path that ends at a user, asking for all of the user's fields.
 */
export function graphqlAttacks(args: {
  schema: GraphQLSchema
  config: SanitizedConfig
  reaches: CollectionReach[]
  privateFields: string[]
  targets: Partial<Record<CollectionSlug, Id[]>>
  versionTargets: Partial<Record<CollectionSlug, Id[]>>
}): GraphqlAttack[] {
  const { schema, config, reaches, privateFields, targets, versionTargets } = args
  const query = schema.getQueryType()!.getFields()
  const documentTypes = new Set(
    config.collections.map((c) => graphqlNames(config, c.slug as CollectionSlug).singular),
  )
  const ctx = {
    userType: graphqlNames(config, 'users' as CollectionSlug).singular,
    documentTypes,
    privateFields,
  }
  const attacks: GraphqlAttack[] = []

  for (const reach of reaches) {
    const { singular, plural } = graphqlNames(config, reach.slug)
    const roots: { name: string; args: string[]; reaches: boolean }[] = [
      { name: plural, args: ['limit: 100'], reaches: true },
      ...(targets[reach.slug] ?? []).map((id) => ({
        name: singular,
        args: [`id: ${literal(id)}`],
        reaches: true,
      })),
      { name: `versions${plural}`, args: ['limit: 100'], reaches: true },
      ...(versionTargets[reach.slug] ?? []).map((id) => ({
        name: `version${singular}`,
        args: [`id: ${literal(id)}`],
        reaches: true,
      })),
      { name: `me${singular}`, args: [], reaches: false },
    ]
    for (const root of roots) {
      const field = query[root.name]
      if (!field) continue
      const rootType = getNamedType(field.type)
      const onPath = documentTypes.has(rootType.name) ? [rootType.name] : []
      const paths = pathsToUser(schema, rootType, ctx, onPath, 0)
      const selects = field.args.some((a) => a.name === 'select') ? [[], ['select: true']] : [[]]
      for (const group of chunks(paths, PATHS_PER_QUERY)) {
        for (const select of selects) {
          const allArgs = [...root.args, ...select]
          const call = allArgs.length ? `${root.name}(${allArgs.join(', ')})` : root.name
          const body = group.map((p, i) => `q${i}: ${call} { ${p} }`).join(' ')
          attacks.push({
            collection: reach.slug,
            root: call,
            query: `query { ${body} }`,
            reachesCanary: root.reaches,
          })
        }
      }
    }
  }
  return attacks
}

/**
 * GraphQL `where` (each operator the schema offers for the field) and `sort` on each private
 * field of users, on the list and the count.
 */
export function graphqlOracles(args: {
  schema: GraphQLSchema
  config: SanitizedConfig
  privateFields: string[]
  canary: Canary
}): OracleProbe[] {
  const { schema, config, privateFields, canary } = args
  const collection = 'users' as CollectionSlug
  const { singular, plural } = graphqlNames(config, collection)
  const whereType = schema.getType(`${singular}_where`)
  const decoy = (value: string) =>
    value.replace(canary.token, crypto.randomBytes(6).toString('hex'))
  const wrappers = {
    list: (inner: string) => `query { ${plural}(limit: 100, ${inner}) { totalDocs docs { id } } }`,
    count: (inner: string) => `query { count${plural}(${inner}) { totalDocs } }`,
  }
  return privateFields.flatMap((field) => {
    const value = canary.secrets[field]
    const operators = isInputObjectType(whereType)
      ? getNamedType(whereType.getFields()[field]?.type)
      : undefined
    const offered = isInputObjectType(operators) ? operators.getFields() : {}
    // A typed scalar (EmailAddress) refuses a bare token before any access check: send a value.
    const likeValue = (op: string) =>
      getNamedType(offered[op]?.type)?.name === 'String' ? canary.token : value
    const candidates: [string, string, string][] = [
      ['equals', JSON.stringify(value), JSON.stringify(decoy(value))],
      ['like', JSON.stringify(likeValue('like')), JSON.stringify(decoy(likeValue('like')))],
      [
        'contains',
        JSON.stringify(likeValue('contains')),
        JSON.stringify(decoy(likeValue('contains'))),
      ],
      ['exists', 'true', 'false'],
    ]
    const where = (op: string, v: string) => `where: { ${field}: { ${op}: ${v} } }`
    const pairs = Object.entries(wrappers).flatMap(([kind, wrap]) =>
      candidates
        .filter(([op]) => op in offered)
        .map(([op, probe, other]) => ({
          name: `GraphQL ${kind} where ${field} ${op}`,
          probe: wrap(where(op, probe)),
          decoy: wrap(where(op, other)),
          isSort: false,
          collection,
        })),
    )
    return [
      ...pairs,
      {
        name: `GraphQL sort ${field}`,
        probe: wrappers.list(`sort: ${JSON.stringify(field)}`),
        decoy: wrappers.list(`sort: ${JSON.stringify(`-${field}`)}`),
        isSort: true,
        collection,
      },
    ]
  })
}
