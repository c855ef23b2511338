import fc from 'fast-check'

import type { RouteKey } from './routeTable'
import { WHERE_OPERATORS } from '../../../src/domain/http/queryArguments'

/** One request the fuzz test sends: what it is, exactly as it goes on the wire. */
export interface FuzzRequest {
  method: string
  url: string
  /** Raw body text (JSON or deliberately not), or undefined for none. */
  body?: string
  /** Mostly JSON; sometimes what a careless or hostile client says instead. */
  contentType: string
  /** Send the body as a multipart form's `_payload` field, the way the admin sends uploads. */
  asMultipart: boolean
}

const CONTENT_TYPES = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/merge-patch+json',
      '',
    ),
  },
)

/** Real ids of the test's world, so some requests reach real documents and their access rules. */
export interface FuzzIds {
  real: (number | string)[]
}

/** Path segments as they go on the wire, percent-escapes included, so `%00` arrives as a NUL. */
const HOSTILE_SEGMENTS = [
  'abc',
  '1e999',
  '1e309',
  '%00',
  '%ff',
  '-1',
  '0',
  '1.5',
  '0x10',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%7B%7D',
  '%5B%5D',
  'a'.repeat(300),
  '%E2%80%AE',
  '6650f0c2a1b2c3d4e5f60718',
]

const HOSTILE_VALUES = [
  '1e309',
  '-1e309',
  '1e999',
  'NaN',
  '-5',
  '-0',
  '1.5',
  'abc',
  '',
  '%00',
  'null',
  'true',
  '[]',
  '{}',
  '{"a":',
  '9007199254740993',
  '2026-13-45',
  'notadate',
  "' OR 1=1 --",
  '${7*7}',
  '__proto__',
]

const segment = (ids: FuzzIds, mayBeReal: boolean) =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_SEGMENTS),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
    ...(mayBeReal && ids.real.length ? [fc.constantFrom(...ids.real.map(String))] : []),
  )

const queryValue = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES).map(encodeURIComponent),
  fc.string({ maxLength: 16 }).map(encodeURIComponent),
  fc.integer().map(String),
  fc.double().map(String),
)

const wherePath = fc.oneof(
  fc.constantFrom(
    'id',
    'title',
    'slug',
    'createdAt',
    'updatedAt',
    'clip',
    'toolkit',
    'script',
    'parent',
    'version.title',
    'role',
    'email',
    'realName',
    'order',
    'status',
    'coverImage.title',
  ),
  fc.string({ minLength: 1, maxLength: 8 }).map(encodeURIComponent),
)

const whereKey = fc
  .tuple(
    fc.constantFrom('', '[and][0]', '[or][0]', '[or][25]', '[and][0][or][1]'),
    wherePath,
    fc.oneof(
      fc.constantFrom(...WHERE_OPERATORS),
      fc.string({ maxLength: 6 }).map(encodeURIComponent),
    ),
    fc.constantFrom('', '[0]', '[0][a]', '[]'),
  )
  .map(([group, path, operator, tail]) => `where${group}[${path}][${operator}]${tail}`)

const queryKey = fc.oneof(
  { weight: 3, arbitrary: whereKey },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'limit',
      'page',
      'depth',
      'sort',
      'where',
      'data',
      'select[title]',
      'select[title][x]',
      'populate',
      'populate[clips][title]',
      'joins[modules][limit]',
      'joins[modules][page]',
      'joins[modules][sort]',
      'joins',
      'locale',
      'fallback-locale',
      'draft',
      'pagination',
      'trash',
      'from',
      'to',
      'audience',
      'file',
      'email',
    ),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }).map(encodeURIComponent) },
)

const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 4 })
  .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'))

const FIELDS = [
  'action',
  'reviewers',
  'rowId',
  'reason',
  'title',
  'slug',
  'email',
  'password',
  'role',
  'query',
  'variables',
  'id',
  'toolkit',
  'clip',
  'audiences',
  'version',
  'status',
  '_status',
  '__proto__',
  'constructor',
]

const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    { toString: 'x' },
    { valueOf: 1 },
    ['submit'],
    [{ toString: 1 }],
    ['abc', '1e999'],
    [[1]],
    1e308,
    -1,
    '',
    null,
  ),
)

const fieldBody = fc
  .dictionary(fc.constantFrom(...FIELDS), hostileJson, { maxKeys: 4 })
  .map((body) => JSON.stringify(body))

const rawBody = fc.oneof(
  { weight: 6, arbitrary: fieldBody },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"a":',
      '[',
      '{"action":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
      '{"__proto__":{"polluted":true}}',
      '\u0000',
      'null',
    ),
  },
)

const GRAPHQL_QUERIES = [
  '{ Toolkits(limit: -5, page: 0) { docs { id title } } }',
  '{ Script(id: "abc") { id } }',
  '{ Scripts(where: { id: { in: ["1e999"] } }) { docs { id } } }',
  '{ Users { docs { id realName email } } }',
  'mutation { updateToolkit(id: 1, data: { title: null }) { id } }',
  'mutation ($id: Int!) { deleteComment(id: $id) { id } }',
  '{ __schema { types { name } } }',
  '{ a: Toolkits { docs { id } } b: Toolkits { docs { id } } }',
  'query {',
]

const graphqlBody = fc.oneof(
  fc
    .record({
      query: fc.oneof(fc.constantFrom(...GRAPHQL_QUERIES), fc.string({ maxLength: 30 })),
      variables: fc.option(fc.dictionary(fc.constantFrom('id', 'where', 'x'), hostileJson)),
    })
    .map((body) => JSON.stringify(body)),
  rawBody,
)

const METHODS_WITH_BODY = new Set(['POST', 'PATCH', 'PUT'])

/**
 * A request for one route: its `:params` filled with hostile or real segments, random query
 * parameters and, for methods with a body, a random body. Requests that could change the test's
 * own documents in bulk (PATCH/PUT/DELETE) get only ids no document has, and bulk updates and
 * deletes carry a condition no document meets, so the fuzz leaves its world as it found it.
 */
export function requestFor(key: RouteKey, ids: FuzzIds): fc.Arbitrary<FuzzRequest> {
  const [method, pattern] = key.split(' ')
  const mutates = method === 'PATCH' || method === 'PUT' || method === 'DELETE'
  const names = [...pattern.matchAll(/:([a-z0-9]+)\+?\??/gi)].map((m) => m[1])
  const params = fc.tuple(...names.map(() => segment(ids, !mutates)))
  const isGraphql = pattern === '/api/graphql'
  const body = METHODS_WITH_BODY.has(method)
    ? fc.option(isGraphql ? graphqlBody : rawBody, { freq: 8, nil: undefined })
    : fc.constant(undefined)
  const multipart = METHODS_WITH_BODY.has(method) ? fc.boolean() : fc.constant(false)
  return fc
    .tuple(params, query, body, CONTENT_TYPES, multipart)
    .map(([values, search, text, contentType, asMultipart]) => {
      let index = 0
      const path = pattern
        .replace(/:([a-z0-9]+)\+?\??/gi, () => values[index++] ?? 'x')
        .replace(/\*$/, 'users')
        .replace(/\/$/, '')
      const isBulk = mutates && names.length === 0
      const guarded = isBulk ? ['where[id][equals]=-1', search].filter(Boolean).join('&') : search
      return {
        method,
        url: guarded ? `${path}?${guarded}` : path,
        body: text,
        contentType,
        asMultipart: asMultipart && text !== undefined && !isGraphql,
      }
    })
}
