import type { RelationshipField, Validate } from 'payload'

/**
 * A relationship to one co-producer's account, shown by pseudonym. The account must be a
 * co-producer's: consent and voice records are about people with lived experience only.
 */
export function coProducerField(
  field: Omit<RelationshipField, 'type' | 'relationTo' | 'hasMany'>,
): RelationshipField {
  return {
    ...field,
    type: 'relationship',
    relationTo: 'users',
    hasMany: false,
    filterOptions: { role: { equals: 'coProducer' } },
    validate: mustBeCoProducer as never,
  } as RelationshipField
}

const mustBeCoProducer: Validate<unknown> = async (value, { req }) => {
  if (value == null || value === '') return true
  const id = typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  if (typeof id !== 'string' && typeof id !== 'number') return true
  // A missing account is refused by the relationship check (src/hooks/relationshipsExist.ts).
  const user = await req.payload
    .findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
  if (!user) return true
  return user.role === 'coProducer' ? true : 'Choose a co-producer: this account is not one.'
}
