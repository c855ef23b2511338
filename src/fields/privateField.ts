import type { Field, UIField } from 'payload'

import { adminsOnlyRead, adminsOrSubjectRead } from '../access/privateFieldRead'

/** Where the marker lives: `field.custom.private`, read back by the privacy tests. */
export interface PrivateFieldCustom {
  private: true
}

type DataField = Exclude<Extract<Field, { name: string }>, UIField>
type Private<T extends DataField> = T & {
  access: NonNullable<DataField['access']>
  custom: Record<string, unknown> & PrivateFieldCustom
}

export interface PrivateFieldOptions {
  /**
   * The document is a person (the users collection): they may read their own value. Elsewhere
   * a private field is for admins only, since who "owns" a row would have to be read from its
   * other columns.
   */
  readableBySubject?: boolean
}

/**
 * A field whose value leaves the server only for admins (and, with `readableBySubject`, the
 * person themselves), whatever a request selects, populates, nests, filters or sorts by. The one
 * way to make a field private: `custom.private` marks it so the attack suite
 * (test/int/privacy.attacks.test.ts) finds and attacks it.
 */
export function privateField<T extends DataField>(
  field: T,
  options: PrivateFieldOptions = {},
): Private<T> {
  const custom: PrivateFieldCustom = { private: true }
  return {
    ...field,
    access: {
      ...field.access,
      read: options.readableBySubject ? adminsOrSubjectRead : adminsOnlyRead,
    },
    custom: { ...field.custom, ...custom },
  }
}

export function isPrivateField(field: { custom?: Record<string, unknown> }): boolean {
  return field.custom?.private === true
}
