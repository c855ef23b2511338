import { jsonBodyLimits } from '../../domain/config/jsonBodyLimits'
import { jsonQueryParamProblem, pathProblem } from '../../domain/http/jsonQueryParams'
import { jsonError } from '../../lib/http/jsonError'
import type { RequestGuard } from '../../lib/http/requestGuards'

/**
 * What Payload's router decodes before any hook runs, and throws on: a path with a broken
 * percent-escape (`%ff`), and `?where=` or `?data=` JSON text that does not parse. What a
 * query says is checked with the other query arguments (src/hooks/refuseMalformedQueries.ts).
 */
export const requestUrl: RequestGuard = (request) => {
  const url = new URL(request.url)
  const problem =
    pathProblem(url.pathname) ??
    jsonQueryParamProblem(url.searchParams, jsonBodyLimits(process.env).maxDepth)
  return problem ? jsonError(400, problem) : undefined
}
