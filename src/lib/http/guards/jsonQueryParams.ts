import { jsonBodyLimits } from '../../../domain/config/jsonBodyLimits'
import { jsonQueryParamProblem } from '../../../domain/http/jsonQueryParams'
import { jsonError } from '../../../endpoints/jsonError'
import type { RequestGuard } from '../requestGuards'

/**
 * `?where=` and `?data=` as JSON text are parsed by Payload's router before any hook runs, so
 * their syntax is checked here; what they say is checked with the other query arguments
 * (src/hooks/refuseMalformedQueries.ts).
 */
export const jsonQueryParams: RequestGuard = (request) => {
  const params = new URL(request.url).searchParams
  const problem = jsonQueryParamProblem(params, jsonBodyLimits(process.env).maxDepth)
  return problem ? jsonError(400, problem) : undefined
}
