/** One document a relationship or upload field's value points at. */
export interface RelationshipRef {
  collection: string
  id: number | string
}

/**
 * The documents a relationship value names, in Payload's shapes: an id, a populated document,
 * a list of either, and for polymorphic fields `{ relationTo, value }` (or a list of those).
 * Anything else names nothing here; Payload's own validation refuses it.
 */
export function relationshipRefs(value: unknown, relationTo: string | string[]): RelationshipRef[] {
  const items = Array.isArray(value) ? value : [value]
  const refs: RelationshipRef[] = []
  for (const item of items) {
    if (typeof relationTo === 'string') {
      const id = idIn(item)
      if (id !== undefined) refs.push({ collection: relationTo, id })
      continue
    }
    if (typeof item !== 'object' || item === null) continue
    const { relationTo: collection, value: inner } = item as {
      relationTo?: unknown
      value?: unknown
    }
    const id = idIn(inner)
    if (typeof collection === 'string' && relationTo.includes(collection) && id !== undefined)
      refs.push({ collection, id })
  }
  return refs
}

function idIn(value: unknown): number | string | undefined {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) {
    const { id } = value as { id?: unknown }
    if (typeof id === 'number' || typeof id === 'string') return id
  }
  return undefined
}
