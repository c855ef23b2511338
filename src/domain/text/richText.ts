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
  type?: unknown
  text?: unknown
  children?: unknown
}

// Nodes that start a new line of plain text; everything else is inline.
const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'quote',
  'listitem',
  'list',
  'code',
  'table',
  'tablerow',
])

/** Plain text of any Lexical document, one line per block (list items included). */
export function plainTextFromRichText(doc: unknown): string {
  const root = (doc as { root?: AnyNode } | null | undefined)?.root
  const blocks: string[] = []
  let current = ''
  const flush = () => {
    if (current.trim() !== '') blocks.push(current)
    current = ''
  }
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { type, text, children } = node as AnyNode
    if (type === 'linebreak') current += '\n'
    else if (typeof text === 'string') current += text
    const isBlock = typeof type === 'string' && BLOCK_TYPES.has(type)
    if (isBlock) flush()
    if (Array.isArray(children)) children.forEach(visit)
    if (isBlock) flush()
  }
  if (root && Array.isArray(root.children)) root.children.forEach(visit)
  flush()
  return blocks.join('\n')
}
