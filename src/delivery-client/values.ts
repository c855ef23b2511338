/** A value from the network, typed loosely: every field is checked where it is read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Untrusted = any

/** Whether an untrusted JSON value is a plain object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, Untrusted> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
