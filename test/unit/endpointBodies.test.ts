import { describe, expect, it } from 'vitest'

import { describeValue, isPossibleId } from '../../src/domain/http/bodyFields'
import {
  confirmMediaRequestOf,
  emptyRequestOf,
  reviewRequestOf,
  withdrawRequestOf,
} from '../../src/domain/http/endpointBodies'

const actions = ['submit', 'approve'] as const
const review = (body: unknown) => reviewRequestOf(body, { actions, idType: 'number' })
const messageOf = (checked: { ok: boolean; message?: string }) =>
  checked.ok ? 'accepted' : checked.message

describe('reviewRequestOf', () => {
  it('should accept an action and ids of users', () => {
    expect(review({ action: 'submit', reviewers: [3, '4'] })).toEqual({
      ok: true,
      value: { action: 'submit', reviewers: [3, '4'] },
    })
    expect(review({ action: 'approve' })).toEqual({
      ok: true,
      value: { action: 'approve', reviewers: undefined },
    })
  })

  it('should name "action" for anything but a known action, without calling its methods', () => {
    for (const action of [{ toString: 'x' }, ['submit'], 'delete', 7, null, undefined])
      expect(messageOf(review({ action })), JSON.stringify(action)).toMatch(
        /^"action" must be one of submit, approve/,
      )
  })

  it('should name "reviewers" for a list that is not of ids, or too long', () => {
    for (const reviewers of [
      'everyone',
      [{ toString: 1 }],
      ['abc'],
      ['1e999'],
      [[1]],
      [0],
      [1.5],
      ['-1'],
    ])
      expect(messageOf(review({ action: 'submit', reviewers })), JSON.stringify(reviewers)).toMatch(
        /^"reviewers"/,
      )
    expect(messageOf(review({ action: 'submit', reviewers: Array(51).fill(1) }))).toMatch(
      /at most 50/,
    )
  })

  it('should name "body" for a body that is not an object', () => {
    for (const body of [[], 'submit', 3, null, undefined])
      expect(messageOf(review(body)), JSON.stringify(body)).toMatch(/^"body" must be a JSON object/)
  })
})

describe('confirmMediaRequestOf, withdrawRequestOf, emptyRequestOf', () => {
  it('should take a row id and a trimmed reason', () => {
    expect(confirmMediaRequestOf({ rowId: '6650f0c2a1b2c3d4e5f60718' })).toEqual({
      ok: true,
      value: { rowId: '6650f0c2a1b2c3d4e5f60718' },
    })
    expect(withdrawRequestOf({ reason: '  Wrong accent label ' })).toEqual({
      ok: true,
      value: { reason: 'Wrong accent label' },
    })
  })

  it('should name the field for a missing, empty, non-text or overlong value', () => {
    for (const rowId of [undefined, '', { toString: 'x' }, ['a'], 12, 'x'.repeat(65)])
      expect(messageOf(confirmMediaRequestOf({ rowId })), JSON.stringify(rowId)).toMatch(/"rowId"/)
    for (const reason of [undefined, '   ', { trim: 1 }, 7, 'x'.repeat(2001)])
      expect(messageOf(withdrawRequestOf({ reason })), JSON.stringify(reason)).toMatch(/"reason"/)
  })

  it('should let preflight and publish have no body or an empty one, and nothing else', () => {
    expect(emptyRequestOf(undefined).ok).toBe(true)
    expect(emptyRequestOf({}).ok).toBe(true)
    expect(messageOf(emptyRequestOf(['go']))).toMatch(/^"body"/)
    expect(messageOf(emptyRequestOf('now'))).toMatch(/^"body"/)
    expect(messageOf(emptyRequestOf({ force: true }))).toMatch(/^"force" is not a field/)
  })
})

describe('isPossibleId and describeValue', () => {
  it('should take whole positive numbers for SQLite and ObjectIds for MongoDB', () => {
    expect([1, '42', 2 ** 53 - 1].every((id) => isPossibleId(id, 'number'))).toBe(true)
    expect(
      [0, -1, 1.5, '01', '1e3', '1e999', 'abc', '%00', 2 ** 53, '99999999999999999', null, {}].some(
        (id) => isPossibleId(id, 'number'),
      ),
    ).toBe(false)
    expect(isPossibleId('6650f0c2a1b2c3d4e5f60718', 'text')).toBe(true)
    expect(isPossibleId('a\u0000b', 'text')).toBe(false)
    expect(isPossibleId('abc', 'text')).toBe(false)
    expect(isPossibleId(42, 'text')).toBe(false)
  })

  it('should picture a value safely and briefly', () => {
    expect(describeValue({ toString: () => 'boom' })).toBe('an object')
    expect(describeValue([1])).toBe('a list')
    expect(describeValue(Infinity)).toBe('number Infinity')
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`)
  })
})
