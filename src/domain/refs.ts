export type Id = number | string

/**
 * The id of a relationship value, which Payload returns as a bare id or, with depth, as the
 * populated document.
 */
export function idOf(ref: unknown): Id | null {
  if (ref == null) return null
  if (typeof ref === 'object') return (ref as { id?: Id }).id ?? null
  return ref as Id
}

/** The id as text: SQLite ids are numbers and MongoDB's strings, so comparisons use text. */
export function idText(ref: unknown): string {
  const id = idOf(ref)
  return id == null ? '' : String(id)
}

/** An id as the domain holds it: text, whatever the database (see idText). */
export type IdText = string

/** How the configured database adapter types ids (`payload.db.defaultIDType`). */
export type DatabaseIdType = 'number' | 'text'

/**
 * Whether text has the form of a MongoDB ObjectId, the only text ids this studio's documents
 * have (no collection sets its own id): anything else makes the MongoDB adapter throw a cast
 * error, a 500, instead of finding nothing.
 */
export const isObjectIdText = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value)

/**
 * The database's id for an id held as text (a job's input, a domain decision): SQLite's ids are
 * numbers, MongoDB's are hex strings, which may be all digits and must stay text.
 */
export function idFromText(text: string, idType: DatabaseIdType): Id {
  if (idType === 'number' && /^[1-9]\d*$/.test(text)) {
    const value = Number(text)
    if (Number.isSafeInteger(value)) return value
  }
  return text
}

/**
 * An id read from Payload, handed back to a relationship field. The generated types are those of
 * the SQLite adapter (numbers); on MongoDB the same value is a string and passes through
 * unchanged, which is why this never converts.
 */
export const asRelationId = (id: Id): number => id as number
