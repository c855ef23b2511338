/**
 * JSON with one spelling per value, so a signature over it can be checked by anyone who
 * re-serialises the same data: object keys sorted by UTF-16 code unit, no whitespace, numbers
 * and strings as `JSON.stringify` writes them (which is also what RFC 8785 prescribes for the
 * values used here). Object properties that are `undefined` are left out, as JSON.stringify
 * does; anything JSON cannot represent exactly (non-finite numbers, bigint, functions, Dates,
 * Maps, cycles, `undefined` in arrays) throws instead of being silently changed.
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], '$')
}

/** `canonicalJson` as UTF-8 bytes: exactly what gets signed and written to disk. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value))
}

function write(value: unknown, ancestors: object[], path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value)
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold.`)
    return JSON.stringify(value)
  }
  if (typeof value !== 'object') {
    throw new TypeError(
      `${path} is ${value === undefined ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold.`,
    )
  }
  if (ancestors.includes(value)) throw new TypeError(`${path} refers back to itself.`)
  const inner = [...ancestors, value]
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => write(item, inner, `${path}[${i}]`)).join(',')}]`
  }
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${path} is not a plain object.`)
  }
  const keys = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
  return `{${keys
    .map(
      (key) =>
        `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], inner, `${path}.${key}`)}`,
    )
    .join(',')}}`
}
