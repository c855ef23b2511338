import type { CollectionSlug, FlattenedField, SanitizedConfig } from 'payload'

import { isPrivateField } from '../../../../src/fields/privateField'

/** A field through which a document can hold or show other documents. */
export interface Link {
  /** Dotted path from the document's root, e.g. `approvals.user` or `worksheet.intro`. */
  path: string
  type: 'relationship' | 'upload' | 'join' | 'richText'
  targets: CollectionSlug[]
  /** A polymorphic relationship (`{ relationTo, value }`). */
  isPolymorphic: boolean
  /** Payload populates no deeper than this through the field (joins default to 1). */
  maxDepth?: number
}

export interface CollectionReach {
  slug: CollectionSlug
  hasVersions: boolean
  /** Every field that holds other documents. */
  links: Link[]
  /** Fields that can point straight at a user. */
  userLinks: Link[]
  /**
   * The smallest REST `depth` (up to 3) at which a user document appears, honouring each field's
   * `maxDepth`; 0 for users, Infinity when only nested selections (GraphQL) get there.
   */
  hops: number
}

export interface PrivateFieldRef {
  collection: CollectionSlug
  path: string
  field: FlattenedField
}

const USERS = 'users' as CollectionSlug

const asList = (value: string | string[]): CollectionSlug[] =>
  (Array.isArray(value) ? value : [value]) as CollectionSlug[]

type Visit = (field: FlattenedField, path: string) => void

function walk(fields: FlattenedField[], visit: Visit, prefix = ''): void {
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.name}` : field.name
    visit(field, path)
    if ('flattenedFields' in field) walk(field.flattenedFields, visit, path)
    if (field.type === 'blocks') {
      for (const block of field.blocks) walk(block.flattenedFields, visit, path)
    }
  }
}

/**
 * Every field of a collection that can hold other documents. Rich text counts as a link to every
 * collection: the default Lexical editor embeds relationship, upload and internal-link nodes to
 * any of them, and populates them with `depth`.
 */
export function linksOf(fields: FlattenedField[], allSlugs: CollectionSlug[]): Link[] {
  const links: Link[] = []
  walk(fields, (field, path) => {
    if (field.type === 'relationship' || field.type === 'upload') {
      links.push({
        path,
        type: field.type,
        targets: asList(field.relationTo),
        isPolymorphic: Array.isArray(field.relationTo),
        maxDepth: field.maxDepth,
      })
    } else if (field.type === 'join') {
      links.push({
        path,
        type: 'join',
        targets: asList(field.collection),
        isPolymorphic: Array.isArray(field.collection),
        maxDepth: field.maxDepth,
      })
    } else if (field.type === 'richText') {
      links.push({
        path,
        type: 'richText',
        targets: allSlugs,
        isPolymorphic: true,
        maxDepth: field.maxDepth,
      })
    }
  })
  return links
}

export const MAX_REST_DEPTH = 3

/**
 * The collections whose documents can reach a user through relationship, upload, join or rich
 * text fields, directly or through other documents. Derived from the config, so a collection
 * added later is attacked without anyone listing it.
 */
export function collectionsReachingUsers(config: SanitizedConfig): CollectionReach[] {
  const slugs = config.collections.map((c) => c.slug as CollectionSlug)
  const linksBySlug = new Map(
    config.collections.map((c) => [c.slug as string, linksOf(c.flattenedFields, slugs)] as const),
  )
  // Any path at all, however deep: nested GraphQL selections follow every one.
  const reaches = new Set<string>([USERS])
  for (let grew = true; grew;) {
    grew = false
    for (const [slug, links] of linksBySlug) {
      if (reaches.has(slug)) continue
      if (links.some((l) => l.targets.some((t) => reaches.has(t)))) {
        reaches.add(slug)
        grew = true
      }
    }
  }
  // REST populates level by level: the n-th link of a path is populated when n <= depth and
  // n <= the maxDepth of every link before it on the path (Payload caps the depth passed down).
  const restHops = (slug: string, length: number, cap: number, seen: Set<string>): number => {
    if (slug === USERS) return length
    if (length >= Math.min(cap, MAX_REST_DEPTH)) return Infinity
    let best = Infinity
    for (const link of linksBySlug.get(slug) ?? []) {
      const nextCap = Math.min(cap, link.maxDepth ?? Infinity)
      if (length + 1 > nextCap) continue
      for (const target of link.targets) {
        if (seen.has(target)) continue
        best = Math.min(best, restHops(target, length + 1, nextCap, new Set([...seen, target])))
      }
    }
    return best
  }
  return config.collections
    .filter((c) => reaches.has(c.slug))
    .map((c) => ({
      slug: c.slug as CollectionSlug,
      hasVersions: Boolean(c.versions),
      links: linksBySlug.get(c.slug)!,
      userLinks: linksBySlug.get(c.slug)!.filter((l) => l.targets.includes(USERS)),
      hops: restHops(c.slug, 0, Infinity, new Set([c.slug])),
    }))
}

/** Every field marked private (`custom.private`), in every collection, at any nesting. */
export function privateFieldsOf(config: SanitizedConfig): PrivateFieldRef[] {
  const found: PrivateFieldRef[] = []
  for (const collection of config.collections) {
    walk(collection.flattenedFields, (field, path) => {
      if (isPrivateField(field)) {
        found.push({ collection: collection.slug as CollectionSlug, path, field })
      }
    })
  }
  return found
}

/** Every field of any collection whose read rule is `rule`, marked private or not. */
export function fieldsReadBy(config: SanitizedConfig, rule: unknown): PrivateFieldRef[] {
  const found: PrivateFieldRef[] = []
  for (const collection of config.collections) {
    walk(collection.flattenedFields, (field, path) => {
      if (field.access?.read === rule)
        found.push({ collection: collection.slug as CollectionSlug, path, field })
    })
  }
  return found
}
