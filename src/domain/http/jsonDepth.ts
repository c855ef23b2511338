/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, found by counting brackets
 * outside strings, so a hostile body is refused without being parsed. Text that is not JSON
 * gets an answer too (its brackets are counted the same way); parsing decides whether it is JSON.
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === BACKSLASH) i += 1
      else if (char === QUOTE) inString = false
    } else if (char === QUOTE) inString = true
    else if (char === OPEN_BRACKET || char === OPEN_BRACE) {
      depth += 1
      if (depth > maxDepth) return true
    } else if (char === CLOSE_BRACKET || char === CLOSE_BRACE) depth -= 1
  }
  return false
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
