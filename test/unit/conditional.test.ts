import { describe, expect, it } from 'vitest'

import { matchesIfNoneMatch } from '../../src/domain/http/conditional'

describe('If-None-Match', () => {
  const etag = '"abc"'
  it('should match the same tag, weak or strong, alone or in a list, and *', () => {
    expect(matchesIfNoneMatch('"abc"', etag)).toBe(true)
    expect(matchesIfNoneMatch('W/"abc"', etag)).toBe(true)
    expect(matchesIfNoneMatch('"x", "abc"', etag)).toBe(true)
    expect(matchesIfNoneMatch('*', etag)).toBe(true)
  })

  it('should not match another tag, a tag without quotes, or no header', () => {
    expect(matchesIfNoneMatch('"abd"', etag)).toBe(false)
    expect(matchesIfNoneMatch('abc', etag)).toBe(false)
    expect(matchesIfNoneMatch(null, etag)).toBe(false)
    expect(matchesIfNoneMatch('', etag)).toBe(false)
  })
})
