/** Whether an untrusted JSON value is a plain object (not null, not a list). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- its fields are checked one by one
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
