import {
  APIError,
  NotFound,
  type CollectionBeforeOperationHook,
  type Config,
  type Endpoint,
  type SanitizedConfig,
} from 'payload'

import { fieldKindAt } from './fieldKind'
import { jsonBodyLimits } from '../domain/config/jsonBodyLimits'
import { valueExceedsDepth } from '../domain/http/jsonDepth'
import { isLookupId, queryProblem, type QueryArguments } from '../domain/http/queryArguments'
import { idTypeOf } from '../lib/config/idType'
import { jsonError } from '../lib/http/jsonError'

// Typed as a plain string: Payload's loggingLevels type lists only its own error names.
const BAD_INPUT_ERROR: string = 'BadInput'

/** A client's malformed query: its own name, so it is logged as routine (badInputLoggingLevels). */
export class BadInput extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    // Set by hand: a minified build renames classes, and loggingLevels matches by name.
    this.name = BAD_INPUT_ERROR
  }
}

/** Anyone can send nonsense: logged as info without a stack, so it cannot flood the error log. */
export const badInputLoggingLevels: Config['loggingLevels'] = { [BAD_INPUT_ERROR]: 'info' }

/**
 * Refuses an id, a where, a limit or a page the database layer would throw on (a 500), before
 * the operation reaches it: the one place REST, GraphQL and the Local API all pass through.
 * An id no document can have is 404, as Payload answers for one that does not exist.
 */
export const refuseMalformedQuery: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  const problem = queryProblem(args as QueryArguments, {
    operation,
    hasFile: Boolean(req.file),
    idType: idTypeOf(req),
    kindOf: (path) => fieldKindAt(collection.flattenedFields, path),
  })
  if (!problem) {
    // Multipart bodies reach Payload unchecked by the request guards: their `_payload` is
    // parsed by Payload and arrives here as data, before anything walks it.
    const { data } = args as { data?: unknown }
    const { maxDepth } = jsonBodyLimits(process.env)
    if (data !== undefined && valueExceedsDepth(data, maxDepth))
      throw new BadInput(
        `The request's data nests deeper than ${maxDepth} levels (JSON_MAX_DEPTH).`,
      )
    return args
  }
  if (problem.status === 404) {
    // A Local API findByID that asked for null instead of an error: the database answers it.
    if ((args as { disableErrors?: boolean }).disableErrors) return args
    throw new NotFound(req.t)
  }
  throw new BadInput(problem.message)
}

/**
 * Some REST routes hand their `:id` to the database without an operation (Payload's document
 * access route, our custom endpoints): an id no document can have is 404 before the handler.
 * `/verify/:id` carries a token, not a document id. A SyntaxError out of a handler is a JSON
 * field the client sent (400), not the server's fault.
 */
function refuseImpossibleIds(endpoint: Endpoint): Endpoint {
  const checksId = /\/:id\b/.test(endpoint.path) && !endpoint.path.startsWith('/verify/')
  const { handler } = endpoint
  return {
    ...endpoint,
    handler: async (req) => {
      const id = req.routeParams?.id
      if (checksId && id !== undefined && !isLookupId(id, idTypeOf(req)))
        return jsonError(404, 'Not Found')
      try {
        return await handler(req)
      } catch (error) {
        // Payload parses a multipart `_payload` field with a bare JSON.parse.
        if (error instanceof SyntaxError)
          return jsonError(400, `A JSON field of the request is not valid JSON: ${error.message}.`)
        throw error
      }
    },
  }
}

/** Runs the query check first on every collection, Payload's own included, and on its routes. */
export function refuseMalformedQueries(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [
      refuseMalformedQuery,
      ...(collection.hooks.beforeOperation ?? []),
    ]
    if (Array.isArray(collection.endpoints))
      collection.endpoints = collection.endpoints.map(refuseImpossibleIds)
  }
  return config
}
