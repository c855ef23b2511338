import type { SanitizedCollectionConfig } from 'payload'

import { adminsOnly } from '../../access/predicates'

export const MIGRATIONS_SLUG = 'payload-migrations'

/**
 * Which migrations ran is written by `payload migrate` and production starts (Local API, past
 * access rules). Through any client (it has no REST or GraphQL routes, but the admin's server
 * functions read collections too) admins may read it and nobody may change it.
 */
export function hardenMigrations(collection: SanitizedCollectionConfig): void {
  // Payload answers 501 for a collection without routes; an empty list is a plain 404.
  collection.endpoints = []
  collection.access = {
    ...collection.access,
    read: adminsOnly,
    create: () => false,
    update: () => false,
    delete: () => false,
  }
}
