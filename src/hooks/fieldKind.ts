import type { FlattenedField } from 'payload'

import type { FieldKind } from '../domain/http/queryArguments'

/**
 * What a where path of a collection points at, for the query checks: `clip` → an id,
 * `createdAt` → a date, `meta.duration` → a number. Version queries use the same fields under
 * `version.` beside `parent`. A path through a relationship, a locale or an unknown name is
 * undefined: Payload resolves and checks those itself.
 */
export function fieldKindAt(
  fields: readonly FlattenedField[],
  path: string,
): FieldKind | undefined {
  const [head, ...rest] = path.split('.')
  const field = fields.find((f) => f.name === head)
  if (!field) {
    if (rest.length === 0 && (head === 'id' || head === 'parent')) return 'id'
    if (head === 'version' && rest.length > 0) return fieldKindAt(fields, rest.join('.'))
    return undefined
  }
  if (rest.length === 0) return kindOf(field)
  if (field.type === 'group' || field.type === 'tab' || field.type === 'array')
    return fieldKindAt(field.flattenedFields, rest.join('.'))
  return undefined
}

function kindOf(field: FlattenedField): FieldKind {
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return typeof field.relationTo === 'string' ? 'id' : 'other'
    case 'date':
      return 'date'
    case 'number':
      return 'number'
    case 'point':
      return 'point'
    default:
      return 'other'
  }
}
