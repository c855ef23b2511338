import {
  APIError,
  NotFound,
  type CollectionBeforeOperationHook,
  type SanitizedConfig,
} from 'payload'

import { fieldKindAt } from '../domain/http/fieldKind'
import { queryProblem, type QueryArguments } from '../domain/http/queryArguments'
import { idTypeOf } from '../lib/config/idType'

/**
 * Refuses an id, a where, a limit or a page the database layer would throw on (a 500), before
 * the operation reaches it: the one place REST, GraphQL and the Local API all pass through.
 * An id no document can have is 404, as Payload answers for one that does not exist.
 */
export const refuseMalformedQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const problem = queryProblem(args as QueryArguments, {
    idType: idTypeOf(req),
    kindOf: (path) => fieldKindAt(collection.flattenedFields, path),
  })
  if (!problem) return args
  if (problem.status === 404) {
    // A Local API findByID that asked for null instead of an error: the database answers it.
    if ((args as { disableErrors?: boolean }).disableErrors) return args
    throw new NotFound(req.t)
  }
  throw new APIError(problem.message, problem.status, undefined, true)
}

/** Runs the query check first on every collection, Payload's own included. */
export function refuseMalformedQueries(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [
      refuseMalformedQuery,
      ...(collection.hooks.beforeOperation ?? []),
    ]
  }
  return config
}
