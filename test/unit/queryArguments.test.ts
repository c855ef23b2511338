import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { queryProblem, type FieldKind } from '../../src/domain/http/queryArguments'
import { fieldKindAt } from '../../src/hooks/fieldKind'

const KINDS: Record<string, FieldKind> = {
  id: 'id',
  clip: 'id',
  createdAt: 'date',
  order: 'number',
  title: 'other',
  place: 'point',
}
const rules = { idType: 'number' as const, kindOf: (path: string) => KINDS[path] }
const problem = (args: Parameters<typeof queryProblem>[0]) => queryProblem(args, rules)

describe('queryProblem', () => {
  it('should let well-formed queries through', () => {
    expect(
      problem({
        id: '12',
        limit: 10,
        page: '2',
        joins: { modules: { limit: 5 } },
        where: {
          and: [
            { title: { like: 'x' } },
            { clip: { in: [1, '2'] } },
            { id: { in: '3,4' } },
            { createdAt: { greater_than: '2026-12-01T00:00:00Z' } },
            { order: { less_than: 3 } },
            { clip: { exists: 'false' } },
            { place: { near: '1,2,100' } },
            { 'clip.title': { equals: 'via a relationship' } },
          ],
          or: { 25: { title: { equals: 'qs makes long lists objects' } } },
        },
      }),
    ).toBeUndefined()
    expect(problem({ where: { createdAt: { less_than: new Date() } } })).toBeUndefined()
  })

  it('should answer 404 for an id no document can have', () => {
    for (const id of ['abc', '1e999', '0x10', '1.5', '\u0000', '', ' ', Infinity, {}])
      expect(problem({ id }), String(id)).toEqual({ status: 404, message: 'Not Found' })
  })

  it('should answer 404 on MongoDB for an id that is not an ObjectId, which its adapter cannot cast', () => {
    const onMongo = { ...rules, idType: 'text' as const }
    expect(queryProblem({ id: '6650f0c2a1b2c3d4e5f60718' }, onMongo)).toBeUndefined()
    for (const id of ['abc', '12', -1, 0, '6650f0c2a1b2c3d4e5f6071', '6650f0c2a1b2c3d4e5f6071z'])
      expect(queryProblem({ id }, onMongo), String(id)).toEqual({
        status: 404,
        message: 'Not Found',
      })
    expect(queryProblem({ where: { id: { in: 'a,b' } } }, onMongo)?.status).toBe(400)
  })

  it('should refuse a sort that names no field', () => {
    for (const sort of ['-', 'title,-', ['-']])
      expect(problem({ sort })?.message, String(sort)).toMatch(/^"sort" must name a field/)
    for (const sort of ['-title', 'title,-createdAt', ['title'], undefined])
      expect(problem({ sort }), String(sort)).toBeUndefined()
  })

  it('should want an object of fields to create or update, unless duplicating or uploading', () => {
    for (const data of [null, undefined, 3, 'x', []])
      expect(queryProblem({ data }, { ...rules, operation: 'create' })?.message).toMatch(
        /^"body" must be a JSON object/,
      )
    expect(queryProblem({ data: {} }, { ...rules, operation: 'update' })).toBeUndefined()
    expect(queryProblem({ duplicateFromID: 3 }, { ...rules, operation: 'create' })).toBeUndefined()
    expect(queryProblem({}, { ...rules, operation: 'create', hasFile: true })).toBeUndefined()
    expect(queryProblem({ data: null }, { ...rules, operation: 'create', hasFile: true })).toEqual(
      expect.objectContaining({ status: 400 }),
    )
    expect(problem({ duplicateFromID: '1e999' })).toEqual({ status: 404, message: 'Not Found' })
    expect(queryProblem({ data: null }, { ...rules, operation: 'read' })).toBeUndefined()
  })

  it('should name limit, page and join limits that are not whole numbers from 0', () => {
    expect(problem({ limit: Infinity })?.message).toMatch(/^"limit" must be a whole number/)
    expect(problem({ limit: -5 })?.message).toMatch(/^"limit"/)
    expect(problem({ page: 1.5 })?.message).toMatch(/^"page"/)
    expect(problem({ joins: { modules: { limit: Infinity } } })?.message).toMatch(
      /^"joins\[modules\]\[limit\]"/,
    )
  })

  it('should name the where path of a value the database cannot compare', () => {
    const cases: [unknown, RegExp][] = [
      ['abc', /^"where" must be conditions/],
      [{ title: 'x' }, /^"where\[title\]" must name an operator/],
      [{ title: { in: [{ a: '1' }] } }, /^"where\[title\]\[in\]" must be a value/],
      [{ title: { near: '1' } }, /^"where\[title\]\[near\]": "near" works only on point fields/],
      [{ title: { matches: 'x' } }, /^"where\[title\]\[matches\]": "matches" is not an operator/],
      [{ id: { in: 'a,b' } }, /^"where\[id\]\[in\]": "a" is not an id/],
      [{ clip: { equals: 'abc' } }, /^"where\[clip\]\[equals\]": "abc" is not an id/],
      [{ clip: { in: ['3', '0x10'] } }, /"0x10" is not an id/],
      [{ createdAt: { greater_than: 'notadate' } }, /is not a date/],
      [{ order: { equals: '1e999' } }, /is not a number/],
      [{ or: 'x' }, /^"where\[or\]" must be a list of conditions/],
      [
        { and: [{ or: [{ clip: { equals: [1] } }] }] },
        /^"where\[and\]\[0\]\[or\]\[0\]\[clip\]\[equals\]"/,
      ],
    ]
    for (const [where, message] of cases)
      expect(problem({ where })?.message, JSON.stringify(where)).toMatch(message)
    expect(problem({ where: { clip: { equals: 'abc' } } })?.status).toBe(400)
  })
})

describe('fieldKindAt', () => {
  const fields = [
    { name: 'clip', type: 'relationship', relationTo: 'clips' },
    { name: 'either', type: 'relationship', relationTo: ['clips', 'images'] },
    { name: 'createdAt', type: 'date' },
    { name: 'meta', type: 'group', flattenedFields: [{ name: 'duration', type: 'number' }] },
    { name: 'title', type: 'text' },
  ] as unknown as FlattenedField[]

  it('should find ids, dates and numbers, in groups and under version.', () => {
    expect(fieldKindAt(fields, 'clip')).toBe('id')
    expect(fieldKindAt(fields, 'either')).toBe('other')
    expect(fieldKindAt(fields, 'createdAt')).toBe('date')
    expect(fieldKindAt(fields, 'meta.duration')).toBe('number')
    expect(fieldKindAt(fields, 'version.meta.duration')).toBe('number')
    expect(fieldKindAt(fields, 'parent')).toBe('id')
    expect(fieldKindAt(fields, 'id')).toBe('id')
  })

  it('should not guess through relationships or at unknown names', () => {
    expect(fieldKindAt(fields, 'clip.title')).toBeUndefined()
    expect(fieldKindAt(fields, 'nope')).toBeUndefined()
    expect(fieldKindAt(fields, 'title.en-GB')).toBeUndefined()
  })
})
