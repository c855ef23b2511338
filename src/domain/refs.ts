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
