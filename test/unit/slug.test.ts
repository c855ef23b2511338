import { describe, expect, it } from 'vitest'

import { isValidSlug, slugify } from '../../src/domain/text/slug'

describe('isValidSlug', () => {
  it.each(['thinking-traps', 'a', 'module-1', '2024-review', 'a'.repeat(96)])(
    'should accept %s',
    (value) => {
      expect(isValidSlug(value)).toBe(true)
    },
  )

  it.each([
    '',
    'Thinking-Traps',
    'thinking traps',
    'thinking_traps',
    '-thinking',
    'thinking-',
    'thinking--traps',
    'café',
    'a'.repeat(97),
  ])('should reject %j', (value) => {
    expect(isValidSlug(value)).toBe(false)
  })
})

describe('slugify', () => {
  it('should spell out an ampersand', () => {
    expect(slugify('Thinking Traps & You')).toBe('thinking-traps-and-you')
  })

  it('should spell out an ampersand between words without spaces', () => {
    expect(slugify('Q&A')).toBe('q-and-a')
  })

  it('should strip accents', () => {
    expect(slugify('Café Życie')).toBe('cafe-zycie')
    expect(slugify('Naïve Señor Ångström')).toBe('naive-senor-angstrom')
  })

  it('should drop straight and curly apostrophes without splitting the word', () => {
    expect(slugify("Don't Panic")).toBe('dont-panic')
    expect(slugify('Dean’s Story')).toBe('deans-story')
  })

  it('should collapse runs of punctuation and whitespace into one hyphen', () => {
    expect(slugify('  Module 1:   Triggers -- and / Choices!  ')).toBe(
      'module-1-triggers-and-choices',
    )
  })

  it('should return an empty string when nothing usable is left', () => {
    expect(slugify('!!! ???')).toBe('')
    expect(slugify('')).toBe('')
  })

  it('should cut long titles to 96 characters', () => {
    const slug = slugify('a'.repeat(200))
    expect(slug).toBe('a'.repeat(96))
    expect(isValidSlug(slug)).toBe(true)
  })

  it('should not leave a trailing hyphen after cutting', () => {
    const title = `${'a'.repeat(95)} bcd`
    const slug = slugify(title)
    expect(slug).toBe('a'.repeat(95))
    expect(isValidSlug(slug)).toBe(true)
  })

  it('should keep a word that ends exactly at the limit', () => {
    const slug = slugify(`${'a'.repeat(94)} b c`)
    expect(slug).toBe(`${'a'.repeat(94)}-b`)
    expect(slug).toHaveLength(96)
  })

  it.each([
    'Thinking Traps & You',
    'Café Życie',
    "Don't Panic",
    `${'word '.repeat(40)}`,
    '  -- Module 7 --  ',
  ])('should always produce a valid slug from %j', (title) => {
    expect(isValidSlug(slugify(title))).toBe(true)
  })
})
