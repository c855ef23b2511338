import { exceedsJsonDepth } from './jsonDepth'

/** Query parameters Payload's REST router reads as JSON text when they are not bracketed. */
export const JSON_QUERY_PARAMS = ['where', 'data'] as const

/**
 * The problem with a JSON query parameter (`?where={"title":{"equals":"x"}}`), if any: text that
 * is not JSON, or JSON nested deeper than `maxDepth`. Payload would throw on the first (a 500).
 */
export function jsonQueryParamProblem(
  params: URLSearchParams,
  maxDepth: number,
): string | undefined {
  for (const name of JSON_QUERY_PARAMS) {
    for (const text of params.getAll(name)) {
      if (text === '') continue
      if (exceedsJsonDepth(text, maxDepth))
        return `"${name}" is nested more than ${maxDepth} levels deep (JSON_MAX_DEPTH).`
      try {
        JSON.parse(text)
      } catch {
        return `"${name}" must be JSON, e.g. ${name}={"title":{"equals":"…"}}, or bracketed, e.g. ${name}[title][equals]=…`
      }
    }
  }
  return undefined
}

/** A path whose percent-escapes do not decode to text (e.g. `%ff`, `%E2%80`). */
export function pathProblem(pathname: string): string | undefined {
  try {
    decodeURIComponent(pathname)
    return undefined
  } catch {
    return 'The URL path has a percent-escape that is not UTF-8 text (e.g. %ff).'
  }
}
