import {
  APIError,
  type Access,
  type CollectionBeforeValidateHook,
  type SanitizedCollectionConfig,
  type Where,
} from 'payload'

import { mayUpdateDocument, updatableIds } from '../../access/mayUpdateDocument'
import { hasRole, staffUser } from '../../access/roles'
import { idOf } from '../../domain/refs'

export const LOCKED_DOCUMENTS_SLUG = 'payload-locked-documents'

const NOT_YOURS = 'You can only lock a document you may edit.'

// Matches no lock on every adapter (an empty `in` is not portable).
const NO_LOCK: Where = { id: { exists: false } }

/**
 * The locks a staff member may see, take over or release: those on documents they may update.
 * Admins: all of them. Anyone else (anonymous requests, delivery apps): none.
 */
export const locksOnUpdatableDocuments: Access = async ({ req }) => {
  if (!staffUser(req)) return false
  if (hasRole(req, 'admin')) return true
  const lockable = lockableCollections(req.payload.collections[LOCKED_DOCUMENTS_SLUG]?.config)
  const clauses: Where[] = []
  for (const collection of lockable) {
    const ids = await updatableIds(req, collection)
    if (ids === false || (Array.isArray(ids) && ids.length === 0)) continue
    const onCollection: Where = { 'document.relationTo': { equals: collection } }
    clauses.push(
      ids === true ? onCollection : { and: [onCollection, { 'document.value': { in: ids } }] },
    )
  }
  return clauses.length ? { or: clauses } : NO_LOCK
}

/** Any signed-in staff member may start a lock; the hook below decides on which document. */
const staffOnly: Access = ({ req }) => staffUser(req) !== null

/**
 * A lock is always held in the caller's own name, on a document of a collection the caller may
 * update. Without it anyone signed in could lock (or claim a lock on) a script they cannot read,
 * in the admin's name.
 */
export const lockForCallerOnUpdatableDocument: CollectionBeforeValidateHook = async ({
  data = {},
  originalDoc,
  req,
}) => {
  const user = staffUser(req)
  // System calls of the Local API (no user) are trusted, as everywhere in Payload.
  if (!req.user) return data
  if (!user) throw new APIError(NOT_YOURS, 403)
  if (data.globalSlug || (!data.document && originalDoc?.globalSlug)) {
    throw new APIError('The studio has no globals to lock.', 400)
  }
  const document = (data.document ?? originalDoc?.document) as
    { relationTo?: unknown; value?: unknown } | undefined
  const id = idOf(document?.value)
  if (typeof document?.relationTo !== 'string' || id == null) {
    throw new APIError('A lock needs the document it locks: { relationTo, value }.', 400)
  }
  if (!(await mayUpdateDocument(req, document.relationTo, id))) throw new APIError(NOT_YOURS, 403)
  return { ...data, user: { relationTo: user.collection, value: user.id } }
}

function lockableCollections(config: SanitizedCollectionConfig | undefined): string[] {
  const field = config?.fields.find((f) => 'name' in f && f.name === 'document')
  if (!field || field.type !== 'relationship') return []
  return Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
}

/** Payload's lock collection with the studio's rules: staff only, on what they may edit. */
export function hardenLockedDocuments(collection: SanitizedCollectionConfig): void {
  collection.access = {
    ...collection.access,
    read: locksOnUpdatableDocuments,
    create: staffOnly,
    update: locksOnUpdatableDocuments,
    delete: locksOnUpdatableDocuments,
  }
  // Before validation, so a lock never reaches the database in anyone else's name.
  collection.hooks.beforeValidate = [
    ...(collection.hooks.beforeValidate ?? []),
    lockForCallerOnUpdatableDocument,
  ]
  // The admin locks through REST and server functions; GraphQL would be one more door.
  collection.graphQL = false
}
