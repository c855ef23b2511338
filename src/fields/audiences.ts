import type { RelationshipField } from 'payload'

export function audiencesField(overrides: Partial<RelationshipField> = {}): RelationshipField {
  return {
    name: 'audiences',
    type: 'relationship',
    relationTo: 'audiences',
    hasMany: true,
    admin: {
      description: 'Leave empty for every audience; choose audiences to restrict.',
    },
    ...overrides,
  } as RelationshipField
}
