export interface ChangedPathsOptions {
  /**
   * Paths to leave out, with everything under them: `modules` also covers `modules.docs`, and
   * `*` stands for one segment (`scenes.*.lines.*.lineId`).
   */
  ignore?: string[]
  /**
   * `after` may leave fields out (hidden fields, fields the reader may not see, a `select`): a
   * key missing from an object in `after` then counts as unchanged, not as cleared.
   */
  partialAfter?: boolean
}

/** Keys that are never a change, at any depth. */
export const NEVER_CHANGED_KEYS: readonly string[] = ['id', 'createdAt', 'updatedAt']

type Plain = Record<string, unknown>

/**
 * Which fields of a document changed, as dotted paths (`title`, `scenes.0.lines.2.text`), for the
 * audit log. Pure: plain data in, sorted unique paths out.
 *
 * Rules, chosen so a saved document does not report changes nobody made:
 * - `id`, `createdAt` and `updatedAt` are never changes, at any depth (row ids, timestamps).
 *   `_status` IS reported: draft → published is a publication someone made.
 * - Empty values are equal: null, undefined, a missing key, '' and [] (a field that was never set
 *   and one saved empty are the same to a person).
 * - Objects are compared key by key, except an object with an `id` outside an array of rows: that
 *   is a populated relationship or upload, and only its id is compared (hooks get the document
 *   populated and the previous one at depth 0, so `5` and `{ id: 5, ... }` are the same).
 * - Arrays whose rows all have ids (Payload array and block rows) are matched by id: an edited
 *   row is reported under its index AFTER the change (`scenes.1.heading`), an added row as
 *   `scenes.2` (its new index), a removed row as `scenes.1` (its old index), and a change in the
 *   order of the rows both sides share as the array itself (`scenes`). Other arrays (hasMany
 *   relationships, selects, numbers) are compared index by index.
 * - Rich text (a Lexical `{ root }` value) is reported as its field (`description`), not as the
 *   paths inside the editor state.
 * - Paths are sorted segment by segment, numbers as numbers (`scenes.2` before `scenes.10`).
 */
export function changedPaths(
  before: unknown,
  after: unknown,
  options: ChangedPathsOptions = {},
): string[] {
  const found = new Set<string>()
  const walker = new Walker(
    (options.ignore ?? []).map((pattern) => pattern.split('.')),
    options.partialAfter ?? false,
    found,
  )
  walker.objects(isPlainObject(before) ? before : {}, isPlainObject(after) ? after : {}, [])
  return [...found].sort(comparePaths)
}

class Walker {
  constructor(
    private readonly ignore: string[][],
    private readonly partialAfter: boolean,
    private readonly found: Set<string>,
  ) {}

  private report(path: string[]): void {
    if (path.length > 0) this.found.add(path.join('.'))
  }

  private isIgnored(path: string[]): boolean {
    const last = path[path.length - 1]
    if (last !== undefined && NEVER_CHANGED_KEYS.includes(last)) return true
    return this.ignore.some(
      (pattern) =>
        pattern.length <= path.length &&
        pattern.every((segment, i) => segment === '*' || segment === path[i]),
    )
  }

  values(before: unknown, after: unknown, path: string[]): void {
    if (this.isIgnored(path)) return
    if (isEmpty(before) && isEmpty(after)) return
    if (isRichText(before) || isRichText(after)) {
      if (!deepEqual(before, after)) this.report(path)
      return
    }
    const reference = referenceIds(before, after)
    if (reference) {
      if (reference[0] !== reference[1]) this.report(path)
      return
    }
    if (
      (isPlainObject(before) || isEmpty(before)) &&
      (isPlainObject(after) || isEmpty(after)) &&
      (isPlainObject(before) || isPlainObject(after))
    ) {
      this.objects(asObject(before), asObject(after), path)
      return
    }
    if ((Array.isArray(before) || isEmpty(before)) && (Array.isArray(after) || isEmpty(after))) {
      this.arrays(asArray(before), asArray(after), path)
      return
    }
    if (!scalarEqual(before, after)) this.report(path)
  }

  objects(before: Plain, after: Plain, path: string[]): void {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)])
    for (const key of keys) {
      if (this.partialAfter && !(key in after)) continue
      this.values(before[key], after[key], [...path, key])
    }
  }

  private arrays(before: unknown[], after: unknown[], path: string[]): void {
    if (!hasRowIds(before) || !hasRowIds(after)) {
      const length = Math.max(before.length, after.length)
      for (let i = 0; i < length; i++) this.values(before[i], after[i], [...path, String(i)])
      return
    }
    const beforeRows = new Map(before.map((row, index) => [rowId(row), { row, index }]))
    const afterIds = new Set(after.map(rowId))
    after.forEach((row, index) => {
      const rowPath = [...path, String(index)]
      const previous = beforeRows.get(rowId(row))
      if (!previous) {
        if (!this.isIgnored(rowPath)) this.report(rowPath)
      } else if (!this.isIgnored(rowPath)) {
        this.objects(previous.row, row, rowPath)
      }
    })
    before.forEach((row, index) => {
      const rowPath = [...path, String(index)]
      if (!afterIds.has(rowId(row)) && !this.isIgnored(rowPath)) this.report(rowPath)
    })
    const keptBefore = before.map(rowId).filter((id) => afterIds.has(id))
    const keptAfter = after.map(rowId).filter((id) => beforeRows.has(id))
    if (keptBefore.some((id, i) => id !== keptAfter[i])) this.report(path)
  }
}

function isPlainObject(value: unknown): value is Plain {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  )
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

const asObject = (value: unknown): Plain => (isPlainObject(value) ? value : {})
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

function isRichText(value: unknown): boolean {
  return isPlainObject(value) && isPlainObject(value.root) && value.root.type === 'root'
}

const isId = (value: unknown): value is string | number =>
  typeof value === 'string' || typeof value === 'number'

/** Either side a populated document (an object with an id): both ids as strings, '' for none. */
function referenceIds(before: unknown, after: unknown): [string, string] | null {
  const isReference = (value: unknown) => isPlainObject(value) && isId(value.id)
  if (!isReference(before) && !isReference(after)) return null
  const idOf = (value: unknown): string | null => {
    if (isEmpty(value)) return ''
    if (isId(value)) return String(value)
    return isPlainObject(value) && isId(value.id) ? String(value.id) : null
  }
  const ids = [idOf(before), idOf(after)]
  return ids[0] === null || ids[1] === null ? null : [ids[0], ids[1]]
}

type Row = Plain & { id: string | number }

function hasRowIds(values: unknown[]): values is Row[] {
  return values.every((value) => isPlainObject(value) && isId(value.id))
}

const rowId = (row: Row): string => String(row.id)

function scalarEqual(a: unknown, b: unknown): boolean {
  const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value)
  return Object.is(plain(a), plain(b))
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((key) => deepEqual(a[key], b[key]))
  }
  return scalarEqual(a, b)
}

/** Orders dotted paths segment by segment, numeric segments as numbers. */
export function comparePaths(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] === right[i]) continue
    const bothNumbers = /^\d+$/.test(left[i]) && /^\d+$/.test(right[i])
    if (bothNumbers) return Number(left[i]) - Number(right[i])
    return left[i] < right[i] ? -1 : 1
  }
  return left.length - right.length
}
