import { describe, expect, it } from 'vitest'

import { validateBcp47Tag } from '../../src/domain/locale/bcp47'

const GENERIC_HINT =
  'is not a valid BCP 47 tag (language[-Script][-REGION][-variant][-x-private]); e.g. en-GB-x-geordie. Private-use subtags are 1–8 letters or digits.'

describe('validateBcp47Tag', () => {
  it.each([
    ['en-GB', 'en-GB'],
    ['en-GB-x-geordie', 'en-GB-x-geordie'],
    ['cy', 'cy'],
    ['cy-GB', 'cy-GB'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['sr-Latn-RS', 'sr-Latn-RS'],
    ['es-419', 'es-419'],
    ['de-CH-1996', 'de-CH-1996'],
    ['x-private', 'x-private'],
  ])('should accept %s and return it unchanged as %s', (input, expected) => {
    expect(validateBcp47Tag(input)).toEqual({ ok: true, tag: expected })
  })

  it.each([
    ['EN-gb-X-Geordie', 'en-GB-x-geordie'],
    ['en-gb', 'en-GB'],
    ['ZH-HANT-tw', 'zh-Hant-TW'],
    ['SR-latn-rs', 'sr-Latn-RS'],
    ['DE-ch-1996', 'de-CH-1996'],
    ['X-Private', 'x-private'],
    ['EN-GB-U-CA-GREGORY', 'en-GB-u-ca-gregory'],
  ])('should put %s into canonical case %s', (input, expected) => {
    expect(validateBcp47Tag(input)).toEqual({ ok: true, tag: expected })
  })

  it('should keep private-use subtags lower case even when they look like a region or script', () => {
    expect(validateBcp47Tag('en-x-GB-Latn')).toEqual({ ok: true, tag: 'en-x-gb-latn' })
  })

  it('should trim surrounding whitespace before validating', () => {
    expect(validateBcp47Tag('  en-GB-x-geordie \n')).toEqual({ ok: true, tag: 'en-GB-x-geordie' })
  })

  it('should accept private-use subtags of exactly 8 characters', () => {
    expect(validateBcp47Tag('en-GB-x-abcdefgh')).toEqual({ ok: true, tag: 'en-GB-x-abcdefgh' })
  })

  it('should require a tag when the input is empty', () => {
    expect(validateBcp47Tag('')).toEqual({
      ok: false,
      message: 'A BCP 47 language tag is required, e.g. en-GB-x-geordie.',
    })
  })

  it('should require a tag when the input is only whitespace', () => {
    expect(validateBcp47Tag('   ')).toEqual({
      ok: false,
      message: 'A BCP 47 language tag is required, e.g. en-GB-x-geordie.',
    })
  })

  it('should reject underscores as separators and name the tag', () => {
    expect(validateBcp47Tag('en_GB')).toEqual({
      ok: false,
      message: '"en_GB" is not a BCP 47 tag: separate subtags with "-", e.g. en-GB.',
    })
  })

  it('should reject whitespace inside the tag and name the tag', () => {
    expect(validateBcp47Tag('en GB')).toEqual({
      ok: false,
      message: '"en GB" is not a BCP 47 tag: separate subtags with "-", e.g. en-GB.',
    })
  })

  it('should reject a tab inside the tag', () => {
    expect(validateBcp47Tag('en\tGB')).toEqual({
      ok: false,
      message: '"en\tGB" is not a BCP 47 tag: separate subtags with "-", e.g. en-GB.',
    })
  })

  it.each([
    'en-GB-x-toolongprivate',
    'en--GB',
    'en-GB-',
    '-en',
    'i-klingon',
    'en-GB-x',
    'e',
    'en-GB-Latn',
  ])('should reject the malformed tag %s with a message naming it', (input) => {
    expect(validateBcp47Tag(input)).toEqual({ ok: false, message: `"${input}" ${GENERIC_HINT}` })
  })

  it.each(['english', 'English', 'abcd', 'abcde', 'abcdefgh', 'abcdefgh-GB', 'abcd-GB'])(
    'should reject the 4- to 8-letter primary language subtag %s with a message naming it',
    (input) => {
      expect(validateBcp47Tag(input)).toEqual({ ok: false, message: `"${input}" ${GENERIC_HINT}` })
    },
  )

  it('should reject a word typed into the tag field and quote it in the message', () => {
    expect(validateBcp47Tag('english')).toEqual({
      ok: false,
      message:
        '"english" is not a valid BCP 47 tag (language[-Script][-REGION][-variant][-x-private]); e.g. en-GB-x-geordie. Private-use subtags are 1–8 letters or digits.',
    })
  })

  it.each([
    ['en', 'en'],
    ['cy', 'cy'],
    ['yue', 'yue'],
    ['YUE-hk', 'yue-HK'],
    ['zh-yue', 'zh-yue'],
    ['ZH-YUE-hk', 'zh-yue-HK'],
    ['yue-Hant-HK', 'yue-Hant-HK'],
  ])(
    'should still accept the 2- or 3-letter language (with extlang) %s as %s',
    (input, expected) => {
      expect(validateBcp47Tag(input)).toEqual({ ok: true, tag: expected })
    },
  )

  it('should still accept a long word as a private-use subtag', () => {
    expect(validateBcp47Tag('x-english')).toEqual({ ok: true, tag: 'x-english' })
    expect(validateBcp47Tag('en-x-english')).toEqual({ ok: true, tag: 'en-x-english' })
  })

  it('should reject a repeated variant and name the repeated subtag', () => {
    expect(validateBcp47Tag('de-1996-1996')).toEqual({
      ok: false,
      message: '"de-1996-1996" repeats the subtag "1996".',
    })
  })

  it('should reject a variant repeated in a different case', () => {
    expect(validateBcp47Tag('de-1996-rozaj-ROZAJ')).toEqual({
      ok: false,
      message: '"de-1996-rozaj-ROZAJ" repeats the subtag "rozaj".',
    })
  })

  it('should reject a repeated extension singleton and name it', () => {
    expect(validateBcp47Tag('en-a-bbb-a-ccc')).toEqual({
      ok: false,
      message: '"en-a-bbb-a-ccc" repeats the subtag "a".',
    })
  })

  it('should accept distinct extension singletons', () => {
    expect(validateBcp47Tag('en-a-bbb-b-ccc')).toEqual({ ok: true, tag: 'en-a-bbb-b-ccc' })
  })

  it('should accept distinct variants', () => {
    expect(validateBcp47Tag('sl-rozaj-biske')).toEqual({ ok: true, tag: 'sl-rozaj-biske' })
  })
})
