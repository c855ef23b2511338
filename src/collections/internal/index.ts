import type { SanitizedConfig } from 'payload'

import { hardenLockedDocuments, LOCKED_DOCUMENTS_SLUG } from './lockedDocuments'
import { hardenMigrations, MIGRATIONS_SLUG } from './migrations'
import { hardenPreferences, PREFERENCES_SLUG } from './preferences'
import { closeUnusedRoutes } from './unusedRoutes'

/** Collections Payload adds on its own, none of which a client has any use for over GraphQL. */
const INTERNAL_COLLECTIONS = [
  'payload-jobs',
  'payload-kv',
  LOCKED_DOCUMENTS_SLUG,
  PREFERENCES_SLUG,
  MIGRATIONS_SLUG,
]

/**
 * The studio's rules for Payload's built-in collections and routes. Payload creates these
 * collections while it sanitizes the config and offers no option for their access rules, so
 * this runs on the sanitized config (see SECURITY.md, "Payload's own endpoints").
 */
export function hardenBuiltInRoutes(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    closeUnusedRoutes(collection)
    if (INTERNAL_COLLECTIONS.includes(collection.slug)) collection.graphQL = false
    // The outbox of emails (src/collections/Notifications.ts) is written and sent by the studio
    // itself: no client route reaches it (test/int/routes/internalRoutes.ts, checkOutbox).
    if (collection.slug === 'notifications') collection.endpoints = []
    if (collection.slug === LOCKED_DOCUMENTS_SLUG) hardenLockedDocuments(collection)
    if (collection.slug === PREFERENCES_SLUG) hardenPreferences(collection)
    if (collection.slug === MIGRATIONS_SLUG) hardenMigrations(collection)
  }
  return config
}
