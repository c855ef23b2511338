import { describe, expect, it } from 'vitest'

import { plainTextFromRichText, richTextFromParagraphs } from '../../src/domain/text/richText'

const text = (value: string) => ({ type: 'text', text: value })

describe('richTextFromParagraphs', () => {
  it('should build a Lexical document with one paragraph per string', () => {
    expect(richTextFromParagraphs(['Hello', 'World'])).toEqual({
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'text',
                text: 'Hello',
                version: 1,
                format: 0,
                style: '',
                mode: 'normal',
                detail: 0,
              },
            ],
          },
          {
            type: 'paragraph',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'text',
                text: 'World',
                version: 1,
                format: 0,
                style: '',
                mode: 'normal',
                detail: 0,
              },
            ],
          },
        ],
      },
    })
  })

  it('should build an empty root for no paragraphs', () => {
    expect(richTextFromParagraphs([]).root.children).toEqual([])
  })
})

describe('plainTextFromRichText', () => {
  it('should round-trip paragraphs', () => {
    const paragraphs = ['Dean has a new job.', 'He is nervous & excited <really>.', 'Ünïcödé ✓']
    expect(plainTextFromRichText(richTextFromParagraphs(paragraphs))).toBe(paragraphs.join('\n'))
  })

  it('should drop empty paragraphs', () => {
    expect(plainTextFromRichText(richTextFromParagraphs(['One', '', 'Two']))).toBe('One\nTwo')
  })

  it('should return an empty string for a document without paragraphs', () => {
    expect(plainTextFromRichText(richTextFromParagraphs([]))).toBe('')
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'plain text'],
    ['a number', 42],
    ['an array', []],
    ['an empty object', {}],
    ['a null root', { root: null }],
    ['a root without children', { root: { type: 'root' } }],
  ])('should return an empty string for %s', (_label, input) => {
    expect(plainTextFromRichText(input)).toBe('')
  })

  it('should join the text of nested inline nodes', () => {
    const doc = {
      root: {
        children: [
          {
            type: 'paragraph',
            children: [
              text('Read the '),
              { type: 'link', url: 'https://example.org', children: [text('guide')] },
              text(' today.'),
            ],
          },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Read the guide today.')
  })

  it('should turn linebreak nodes into newlines', () => {
    const doc = {
      root: {
        children: [
          {
            type: 'paragraph',
            children: [text('Line one'), { type: 'linebreak' }, text('Line two')],
          },
          { type: 'heading', tag: 'h2', children: [text('Heading')] },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Line one\nLine two\nHeading')
  })

  it('should ignore the text of a linebreak node', () => {
    const doc = {
      root: { children: [{ type: 'paragraph', children: [{ type: 'linebreak', text: 'x' }] }] },
    }
    expect(plainTextFromRichText(doc)).toBe('\n')
  })

  it('should read deeply nested children', () => {
    const doc = {
      root: {
        children: [
          {
            type: 'quote',
            children: [{ type: 'mark', children: [{ type: 'link', children: [text('deep')] }] }],
          },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('deep')
  })

  it('should skip blocks without text', () => {
    const doc = {
      root: {
        children: [
          { type: 'paragraph', children: [] },
          { type: 'paragraph', children: [text('Kept')] },
          { type: 'horizontalrule' },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Kept')
  })
})
