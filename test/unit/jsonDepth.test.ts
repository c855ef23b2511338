import { describe, expect, it } from 'vitest'

import { exceedsJsonDepth, valueExceedsDepth } from '../../src/domain/http/jsonDepth'
import { jsonQueryParamProblem, pathProblem } from '../../src/domain/http/jsonQueryParams'

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('exceedsJsonDepth', () => {
  it('should count arrays and objects, and stop at the first level past the limit', () => {
    expect(exceedsJsonDepth(nested(3), 3)).toBe(false)
    expect(exceedsJsonDepth(nested(4), 3)).toBe(true)
    expect(exceedsJsonDepth('{"a":{"b":[1]}}', 3)).toBe(false)
    expect(exceedsJsonDepth('{"a":{"b":[{}]}}', 3)).toBe(true)
    expect(exceedsJsonDepth(nested(20_000), 100)).toBe(true)
  })

  it('should not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ text: '[[[[{{{{' }), 1)).toBe(false)
    expect(exceedsJsonDepth(JSON.stringify({ text: 'say \\"[[[[' }), 1)).toBe(false)
    expect(exceedsJsonDepth('["\\\\", [[]]]', 2)).toBe(true)
  })

  it('should count siblings once', () => {
    expect(exceedsJsonDepth(JSON.stringify([[1], [2], [3], { a: [4] }]), 3)).toBe(false)
  })
})

describe('jsonQueryParamProblem', () => {
  it('should accept JSON and bracketed where, and no where at all', () => {
    expect(jsonQueryParamProblem(new URLSearchParams('where={"title":{"equals":"x"}}'), 10)).toBe(
      undefined,
    )
    expect(jsonQueryParamProblem(new URLSearchParams('where[title][equals]=x'), 10)).toBe(undefined)
    expect(jsonQueryParamProblem(new URLSearchParams('limit=1'), 10)).toBe(undefined)
  })

  it('should name the parameter that is not JSON or nests too deep', () => {
    expect(jsonQueryParamProblem(new URLSearchParams('where=abc'), 10)).toMatch(
      /^"where" must be JSON/,
    )
    expect(jsonQueryParamProblem(new URLSearchParams('data={'), 10)).toMatch(/^"data" must be JSON/)
    expect(jsonQueryParamProblem(new URLSearchParams(`where=${nested(11)}`), 10)).toMatch(
      /^"where" is nested more than 10 levels/,
    )
  })
})

describe('pathProblem', () => {
  it('should refuse percent-escapes that are not UTF-8 and accept those that are', () => {
    expect(pathProblem('/api/scripts/%ff')).toMatch(/percent-escape/)
    expect(pathProblem('/api/scripts/%E2%80')).toMatch(/percent-escape/)
    expect(pathProblem('/api/scripts/%00')).toBeUndefined()
    expect(pathProblem('/api/delivery/toolkits/caf%C3%A9')).toBeUndefined()
  })
})

describe('the depth of a value already parsed', () => {
  const nested = (levels: number) => {
    let value: unknown = 1
    for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value }
    return value
  }

  it('should count arrays and objects, not scalars', () => {
    expect(valueExceedsDepth(nested(3), 3)).toBe(false)
    expect(valueExceedsDepth(nested(4), 3)).toBe(true)
    expect(valueExceedsDepth('text', 0)).toBe(false)
    expect(valueExceedsDepth({ a: 1, b: [1, 2], c: { d: null } }, 2)).toBe(false)
  })

  it('should walk a value nested 200,000 deep without overflowing its own stack', () => {
    expect(valueExceedsDepth(nested(200_000), 100)).toBe(true)
  })
})
