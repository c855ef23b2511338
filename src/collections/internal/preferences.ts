import type { Access, Endpoint, PayloadHandler, SanitizedCollectionConfig } from 'payload'

import { staffUser } from '../../access/roles'
import { jsonError } from '../../lib/http/jsonError'

export const PREFERENCES_SLUG = 'payload-preferences'

/** Staff keep their own admin preferences; delivery apps and anonymous requests keep none. */
function staffAnd(rule: Access | undefined): Access {
  return (args) => (staffUser(args.req) && rule ? rule(args) : false)
}

const staffOnly: Access = ({ req }) => staffUser(req) !== null

/**
 * Payload's `/:key` routes write through the database adapter, past collection access: they
 * need their own check. Deleting a key that is not there is a 404 (Payload throws an undefined
 * `NotFound` there, a 500).
 */
function guardKeyEndpoint(endpoint: Endpoint): Endpoint {
  const handler: PayloadHandler = async (req) => {
    const user = staffUser(req)
    if (!user) return jsonError(401, 'Sign in to the studio to keep admin preferences.')
    if (endpoint.method === 'delete') {
      const { totalDocs } = await req.payload.count({
        collection: PREFERENCES_SLUG,
        where: {
          and: [
            { key: { equals: String(req.routeParams?.key ?? '') } },
            { 'user.value': { equals: user.id } },
            { 'user.relationTo': { equals: user.collection } },
          ],
        },
        overrideAccess: true,
        req,
      })
      if (totalDocs === 0) return jsonError(404, 'No such preference.')
    }
    return endpoint.handler(req)
  }
  return { ...endpoint, handler }
}

export function hardenPreferences(collection: SanitizedCollectionConfig): void {
  collection.access = {
    ...collection.access,
    create: staffOnly,
    read: staffAnd(collection.access.read),
    update: staffAnd(collection.access.update),
    delete: staffAnd(collection.access.delete),
  }
  if (collection.endpoints) {
    collection.endpoints = collection.endpoints.map((endpoint) =>
      endpoint.path === '/:key' ? guardKeyEndpoint(endpoint) : endpoint,
    )
  }
  collection.graphQL = false
}
