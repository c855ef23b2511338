/**
 * The text of each page of a PDF, as pdf.js (Firefox's reader) extracts it, items joined by
 * spaces.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  hideArrayPrototypePollution()
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise
  const pages: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    )
  }
  await pdf.destroy()
  return pages
}

/**
 * drizzle-kit, loaded by Payload's SQLite adapter, adds an enumerable `Array.prototype.random`,
 * and pdf.js refuses to start in such a realm. Made non-enumerable, it still works for drizzle.
 */
function hideArrayPrototypePollution() {
  for (const key in []) {
    const descriptor = Object.getOwnPropertyDescriptor(Array.prototype, key)
    if (descriptor)
      Object.defineProperty(Array.prototype, key, { ...descriptor, enumerable: false })
  }
}
