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

/**
 * Whether a value already parsed (a multipart form's `_payload` field, which Payload parses
 * itself) nests arrays and objects deeper than `maxDepth`. Walked with an explicit stack, so the
 * check cannot overflow where the recursive code it protects would.
 */
export function valueExceedsDepth(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth + 1 > maxDepth) return true
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return false
}
