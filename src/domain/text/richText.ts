// Minimal Lexical JSON: enough to store plain paragraphs written by the seed or imported text,
// and to read rich text back as plain text (readability checks, manifests).

interface LexicalTextNode {
  [key: string]: unknown
  type: 'text'
  text: string
  version: 1
  format: 0
  style: ''
  mode: 'normal'
  detail: 0
}

interface LexicalParagraph {
  [key: string]: unknown
  type: 'paragraph'
  version: 1
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  textStyle: ''
  children: LexicalTextNode[]
}

export interface LexicalDocument {
  [key: string]: unknown
  root: {
    [key: string]: unknown
    type: 'root'
    version: 1
    direction: 'ltr'
    format: ''
    indent: 0
    children: LexicalParagraph[]
  }
}

export function richTextFromParagraphs(paragraphs: string[]): LexicalDocument {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', text, version: 1, format: 0, style: '', mode: 'normal', detail: 0 },
        ],
      })),
    },
  }
}

interface AnyNode {
  type?: string
  text?: string
  children?: AnyNode[]
}

/** Plain text of any Lexical document, one line per block. */
export function plainTextFromRichText(doc: unknown): string {
  const root = (doc as { root?: AnyNode } | null | undefined)?.root
  if (!root?.children) return ''
  const inline = (node: AnyNode): string =>
    node.type === 'linebreak' ? '\n' : (node.text ?? '') + (node.children ?? []).map(inline).join('')
  return root.children
    .map(inline)
    .filter((block) => block.length > 0)
    .join('\n')
}
