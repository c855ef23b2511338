import { describe, expect, it } from 'vitest'

import { idFromText, idOf, idText } from '../../src/domain/refs'

// MongoDB ObjectIds: 24 hex digits, which now and then are all decimal digits.
const objectId = '665f1c2e9b3d4a0012ab34cd'
const allDigitObjectId = '665012345678901234567890'

describe('ids on any database', () => {
  it('should compare SQLite and MongoDB ids as text, populated or not', () => {
    expect(idText(7)).toBe('7')
    expect(idText({ id: objectId, title: 'Clip' })).toBe(objectId)
    expect(idText(null)).toBe('')
    expect(idOf({ id: 7 })).toBe(7)
  })

  it('should give SQLite its numbers back from text', () => {
    expect(idFromText('42', 'number')).toBe(42)
  })

  it('should keep text that is not a whole SQLite id as text, for the database to refuse', () => {
    for (const text of ['042', '1e3', '4.2', '-1', '9007199254740993', 'abc', ''])
      expect(idFromText(text, 'number'), text).toBe(text)
  })

  it('should never turn a MongoDB id into a number, even one made only of digits', () => {
    expect(idFromText(objectId, 'text')).toBe(objectId)
    expect(idFromText(allDigitObjectId, 'text')).toBe(allDigitObjectId)
  })
})
