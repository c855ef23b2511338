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

  it.each([
    ['a string root', { root: 'oops' }],
    ['a number root', { root: 42 }],
    ['string children on the root', { root: { children: 'oops' } }],
    ['an object as the root children', { root: { children: { type: 'paragraph' } } }],
    ['a null child', { root: { children: [null] } }],
    [
      'number, string, boolean and undefined children',
      { root: { children: [1, 'two', true, undefined] } },
    ],
    [
      'a paragraph with string children',
      { root: { children: [{ type: 'paragraph', children: 'oops' }] } },
    ],
    [
      'a paragraph with object children',
      { root: { children: [{ type: 'paragraph', children: {} }] } },
    ],
    [
      'a paragraph with a null child',
      { root: { children: [{ type: 'paragraph', children: [null] }] } },
    ],
    [
      'a text node whose text is not a string',
      { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: 42 }] }] } },
    ],
    ['a node whose type is not a string', { root: { children: [{ type: 7, children: [] }] } }],
  ])('should return an empty string without throwing for %s', (_label, input) => {
    expect(() => plainTextFromRichText(input)).not.toThrow()
    expect(plainTextFromRichText(input)).toBe('')
  })

  it('should keep the readable text around malformed nodes', () => {
    const doc = {
      root: {
        children: [
          null,
          {
            type: 'paragraph',
            children: [text('Read '), null, 5, 'loose', { type: 'text', text: 42 }, text('this.')],
          },
          { type: 'paragraph', children: 'oops' },
          7,
          { type: 'heading', children: [text('Still here')] },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Read this.\nStill here')
  })

  it('should put each list item on its own line', () => {
    const doc = {
      root: {
        children: [
          {
            type: 'list',
            listType: 'bullet',
            children: [
              { type: 'listitem', value: 1, children: [text('One')] },
              { type: 'listitem', value: 2, children: [text('Two')] },
            ],
          },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('One\nTwo')
  })

  it('should separate a list from the paragraphs around it', () => {
    const doc = {
      root: {
        children: [
          { type: 'paragraph', children: [text('Before')] },
          {
            type: 'list',
            listType: 'number',
            children: [
              {
                type: 'listitem',
                children: [text('First '), { type: 'link', children: [text('step')] }],
              },
              { type: 'listitem', children: [text('Second step')] },
            ],
          },
          { type: 'paragraph', children: [text('After')] },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Before\nFirst step\nSecond step\nAfter')
  })

  it('should put the items of a nested list on their own lines', () => {
    const doc = {
      root: {
        children: [
          {
            type: 'list',
            children: [
              {
                type: 'listitem',
                children: [
                  text('Parent'),
                  { type: 'list', children: [{ type: 'listitem', children: [text('Child')] }] },
                ],
              },
              { type: 'listitem', children: [text('Next')] },
            ],
          },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Parent\nChild\nNext')
  })

  it('should put headings and quotes on lines of their own', () => {
    const doc = {
      root: {
        children: [
          { type: 'heading', tag: 'h1', children: [text('Title')] },
          { type: 'paragraph', children: [text('Body')] },
          { type: 'quote', children: [text('Quoted')] },
          { type: 'heading', tag: 'h2', children: [text('Subtitle')] },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Title\nBody\nQuoted\nSubtitle')
  })

  it('should turn a linebreak inside a list item into a newline', () => {
    const doc = {
      root: {
        children: [
          {
            type: 'list',
            children: [
              {
                type: 'listitem',
                children: [text('a'), { type: 'linebreak', text: 'ignored' }, text('b')],
              },
              { type: 'listitem', children: [text('c')] },
            ],
          },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('a\nb\nc')
  })

  it('should drop a paragraph that holds only a linebreak', () => {
    const doc = {
      root: {
        children: [
          { type: 'paragraph', children: [{ type: 'linebreak', text: 'x' }] },
          { type: 'paragraph', children: [text('Kept')] },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('Kept')
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
      root: {
        children: [
          { type: 'paragraph', children: [text('a'), { type: 'linebreak', text: 'x' }, text('b')] },
        ],
      },
    }
    expect(plainTextFromRichText(doc)).toBe('a\nb')
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
