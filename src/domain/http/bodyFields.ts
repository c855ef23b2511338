import { isObjectIdText, type DatabaseIdType } from '../refs'

/**
 * Small checks for the fields of a JSON request body. Each answers the value it accepts or a
 * message that names the field in quotes ("reviewers": …), so a client knows what to fix.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

/** How the database spells ids: SQLite's are whole numbers, MongoDB's are text. */
export type IdType = DatabaseIdType

export type Body = Record<string, unknown>

const accept = <T>(value: T): Checked<T> => ({ ok: true, value })
const refuse = (message: string): Checked<never> => ({ ok: false, message })

/** A short, safe picture of a value for a message: never calls the value's own methods. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return `${typeof value} ${String(value)}`
}

const isPlainObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The body as an object of fields; with `optional`, no body at all counts as `{}`. */
export function objectBody(body: unknown, { optional = false } = {}): Checked<Body> {
  if (body === undefined && optional) return accept({})
  if (isPlainObject(body)) return accept(body)
  if (body === undefined) return refuse('"body" must be a JSON object of fields; none was sent.')
  return refuse(`"body" must be a JSON object of fields, not ${describeValue(body)}.`)
}

/**
 * Whether `value` can name a document a client chose (stricter than the lookups in
 * queryArguments.ts): SQLite's positive whole numbers, MongoDB's ObjectIds.
 */
export function isPossibleId(value: unknown, idType: IdType): boolean {
  if (idType === 'number') {
    if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0
    return (
      typeof value === 'string' &&
      /^[1-9]\d{0,15}$/.test(value) &&
      Number.isSafeInteger(Number(value))
    )
  }
  return isObjectIdText(value)
}

export function oneOf<T extends string>(
  body: Body,
  field: string,
  allowed: readonly T[],
): Checked<T> {
  const value = body[field]
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return accept(value as T)
  const got = value === undefined ? 'nothing' : describeValue(value)
  return refuse(`"${field}" must be one of ${allowed.join(', ')}; got ${got}.`)
}

/** A list of one or more of `allowed`, each at most once. */
export function someOf<T extends string>(
  body: Body,
  field: string,
  allowed: readonly T[],
): Checked<T[]> {
  const value = body[field]
  const expected = `"${field}" must be a list of one or more of ${allowed.join(', ')}`
  if (!Array.isArray(value) || value.length === 0)
    return refuse(`${expected}; got ${value === undefined ? 'nothing' : describeValue(value)}.`)
  const bad = value.findIndex((item) => !(allowed as readonly unknown[]).includes(item))
  if (bad >= 0) return refuse(`${expected}; item ${bad + 1} is ${describeValue(value[bad])}.`)
  if (new Set(value).size !== value.length) return refuse(`${expected}, each once.`)
  return accept(value as T[])
}

/** An optional list of ids, at most `max` of them, each as the database spells ids. */
export function optionalIdList(
  body: Body,
  field: string,
  { idType, max }: { idType: IdType; max: number },
): Checked<(number | string)[] | undefined> {
  const value = body[field]
  if (value === undefined) return accept(undefined)
  if (!Array.isArray(value))
    return refuse(`"${field}" must be a list of user ids, not ${describeValue(value)}.`)
  if (value.length > max) return refuse(`"${field}" may name at most ${max} ids.`)
  const bad = value.findIndex((item) => !isPossibleId(item, idType))
  if (bad >= 0)
    return refuse(
      `"${field}" must be a list of user ids; item ${bad + 1} (${describeValue(value[bad])}) is not an id.`,
    )
  return accept(value as (number | string)[])
}

/** Text that must be there: trimmed, not empty, at most `maxLength` characters. */
export function requiredText(
  body: Body,
  field: string,
  { maxLength, example }: { maxLength: number; example: string },
): Checked<string> {
  const value = body[field]
  if (value === undefined || (typeof value === 'string' && value.trim() === ''))
    return refuse(`Give "${field}": { "${field}": "${example}" }.`)
  if (typeof value !== 'string')
    return refuse(`"${field}" must be text, not ${describeValue(value)}.`)
  const text = value.trim()
  if (text.length > maxLength)
    return refuse(`"${field}" must be at most ${maxLength} characters (it has ${text.length}).`)
  return accept(text)
}
