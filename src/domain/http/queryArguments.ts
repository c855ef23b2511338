import { describeValue, type IdType } from './bodyFields'
import { isObjectIdText } from '../refs'

/**
 * Arguments of a find, count, update or delete that the database layer cannot take: a query
 * that would make it throw (SQLite's driver refuses NaN and Infinity; the query builder refuses
 * objects where it wants a value) instead of answering. REST passes query strings through as
 * text, so everything here can arrive from a URL. Found problems are the client's: 400 naming
 * the parameter, or 404 for an id no document can have.
 */
export type FieldKind = 'id' | 'date' | 'number' | 'point' | 'other'

export interface QueryArguments {
  id?: unknown
  /** Create's "copy this document" id. */
  duplicateFromID?: unknown
  /** Create's and update's fields: an object, or nothing when duplicating. */
  data?: unknown
  where?: unknown
  limit?: unknown
  page?: unknown
  joins?: unknown
  sort?: unknown
}

export type QueryProblem = { status: 400 | 404; message: string }

export interface QueryRules {
  idType: IdType
  /** What a where path points at, or undefined when it cannot tell (Payload checks paths). */
  kindOf: (path: string) => FieldKind | undefined
}

export const WHERE_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
] as const

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains', 'exists'])
/** qs, as Payload's REST router uses it, turns more than 20 list items into an object. */
const isListLike = (value: unknown): value is unknown[] | Record<string, unknown> =>
  Array.isArray(value) || isPlainObject(value)

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}

export function queryProblem(
  args: QueryArguments,
  rules: QueryRules & { operation?: string; hasFile?: boolean },
): QueryProblem | undefined {
  for (const id of [args.id, args.duplicateFromID])
    if (id !== undefined && id !== null && !isLookupId(id, rules.idType))
      return { status: 404, message: 'Not Found' }
  if (rules.operation === 'create' || rules.operation === 'update') {
    // A duplicate copies its fields, and an upload of a file alone gets them from the file.
    const isDuplicate = args.duplicateFromID !== undefined && args.duplicateFromID !== null
    const mayOmitData = isDuplicate || rules.hasFile === true
    if (!isPlainObject(args.data) && !(mayOmitData && args.data === undefined))
      return bad(`"body" must be a JSON object of fields, not ${describeValue(args.data ?? null)}.`)
  }
  return (
    countProblem(args.limit, 'limit') ??
    countProblem(args.page, 'page') ??
    joinsProblem(args.joins) ??
    sortProblem(args.sort) ??
    whereProblem(args.where, 'where', rules)
  )
}

/**
 * An id the database can look up. With numeric ids, text must be decimal digits: `1e999` and
 * `abc` would reach SQLite as Infinity and NaN, and `0x10` would quietly mean document 16.
 * MongoDB's ids are ObjectIds: any other text, or a number, is one no document can have.
 */
export function isLookupId(id: unknown, idType: IdType): boolean {
  if (idType === 'text') return isObjectIdText(id)
  if (typeof id === 'number') return Number.isFinite(id)
  if (typeof id !== 'string') return false
  return /^-?\d{1,20}$/.test(id)
}

function countProblem(value: unknown, name: string): QueryProblem | undefined {
  if (value === undefined || value === null) return undefined
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return undefined
  return {
    status: 400,
    message: `"${name}" must be a whole number from 0, not ${describeValue(value)}.`,
  }
}

/** A sort of `-` alone names no field: SQLite ignores it, MongoDB throws. */
function sortProblem(sort: unknown): QueryProblem | undefined {
  const entries = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : []
  if (!entries.some((entry) => typeof entry === 'string' && /^\s*-\s*$/.test(entry)))
    return undefined
  return bad(`"sort" must name a field, optionally after "-"; got ${describeValue(sort)}.`)
}

function joinsProblem(joins: unknown): QueryProblem | undefined {
  if (!isPlainObject(joins)) return undefined
  for (const [name, join] of Object.entries(joins)) {
    if (!isPlainObject(join)) continue
    const problem =
      countProblem(join.limit, `joins[${name}][limit]`) ??
      countProblem(join.page, `joins[${name}][page]`)
    if (problem) return problem
  }
  return undefined
}

function whereProblem(where: unknown, at: string, rules: QueryRules): QueryProblem | undefined {
  if (where === undefined || where === null) return undefined
  if (!isPlainObject(where))
    return bad(
      `"${at}" must be conditions such as where[title][equals]=…, not ${describeValue(where)}.`,
    )
  for (const [key, value] of Object.entries(where)) {
    const problem =
      key === 'and' || key === 'or'
        ? groupProblem(value, `${at}[${key}]`, rules)
        : fieldProblem(key, value, `${at}[${key}]`, rules)
    if (problem) return problem
  }
  return undefined
}

function groupProblem(group: unknown, at: string, rules: QueryRules): QueryProblem | undefined {
  if (!isListLike(group)) return bad(`"${at}" must be a list of conditions.`)
  for (const [index, condition] of Object.entries(group)) {
    const problem = whereProblem(condition, `${at}[${index}]`, rules)
    if (problem) return problem
  }
  return undefined
}

function fieldProblem(
  path: string,
  condition: unknown,
  at: string,
  rules: QueryRules,
): QueryProblem | undefined {
  if (!isPlainObject(condition)) return bad(`"${at}" must name an operator, e.g. ${at}[equals]=…`)
  const kind = rules.kindOf(path)
  for (const [operator, operand] of Object.entries(condition)) {
    const place = `${at}[${operator}]`
    if (!(WHERE_OPERATORS as readonly string[]).includes(operator))
      return bad(
        `"${place}": "${operator}" is not an operator; use one of ${WHERE_OPERATORS.join(', ')}.`,
      )
    if (GEO_OPERATORS.has(operator)) {
      if (kind !== undefined && kind !== 'point')
        return bad(`"${place}": "${operator}" works only on point fields.`)
      continue
    }
    const values = LIST_OPERATORS.has(operator) ? listValues(operand) : [operand]
    if (!values) return bad(`"${place}" must be a list of values.`)
    for (const value of values) {
      const problem = valueProblem(value, operator, kind, place, rules.idType)
      if (problem) return problem
    }
  }
  return undefined
}

/** Payload takes a list as an array or as comma-separated text. */
function listValues(operand: unknown): unknown[] | undefined {
  if (typeof operand === 'string') return operand.split(',')
  if (isListLike(operand)) return Object.values(operand)
  if (operand === null || typeof operand === 'number' || typeof operand === 'boolean')
    return [operand]
  return undefined
}

function valueProblem(
  value: unknown,
  operator: string,
  kind: FieldKind | undefined,
  place: string,
  idType: IdType,
): QueryProblem | undefined {
  if (value === null || value === undefined) return undefined
  // Only what a URL can carry is refused: lists and plain objects. Dates and MongoDB ObjectIds
  // that the studio's own code passes are instances of classes.
  if (Array.isArray(value) || isPlainObject(value))
    return bad(`"${place}" must be a value, not ${describeValue(value)}.`)
  if (typeof value === 'object') return undefined
  if (TEXT_OPERATORS.has(operator)) return undefined
  const text = String(value)
  if (kind === 'id' && !isLookupId(typeof value === 'number' ? value : text, idType))
    return bad(`"${place}": ${describeValue(value)} is not an id.`)
  if (kind === 'number' && !isFiniteNumber(text))
    return bad(`"${place}": ${describeValue(value)} is not a number.`)
  if (kind === 'date' && typeof value !== 'number' && Number.isNaN(new Date(text).getTime()))
    return bad(`"${place}": ${describeValue(value)} is not a date; use e.g. 2026-12-01T09:30:00Z.`)
  return undefined
}

const isFiniteNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text))
const bad = (message: string): QueryProblem => ({ status: 400, message })
