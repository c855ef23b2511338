import type { CollectionConfig } from 'payload'

import { checkKeyStrength } from './hooks/checkKeyStrength'
import { keepOnlyKeyIndex } from './hooks/keepOnlyKeyIndex'
import { adminsOnly } from '../../access/predicates'
import { cachedApiKeyStrategy, forgetApiKeys } from '../../lib/auth/cachedApiKeys'

/**
 * Machines, not people: web and native apps that read released bundles with an API key
 * (`Authorization: delivery-apps API-Key <key>`). Only admins manage them. A key is shown once,
 * when the admin generates it; the studio keeps only its index (see keepOnlyKeyIndex). Revoking
 * or regenerating a key, or deleting the app, takes effect at once in this process, within a
 * second on any delivery tier (TIER_REVOCATION_BOUND_MS), and within REVOCATION_BOUND_MS (30 s)
 * in a process that answers delivery through Payload's routes.
 */
export const DeliveryApps: CollectionConfig<'delivery-apps'> = {
  slug: 'delivery-apps',
  labels: { singular: 'Delivery app', plural: 'Delivery apps' },
  auth: {
    useAPIKey: true,
    disableLocalStrategy: true,
    strategies: [cachedApiKeyStrategy('delivery-apps')],
  },
  // Apps read the delivery API only; over GraphQL they could mint a session (refreshToken) that
  // outlives revoking their key.
  graphQL: false,
  hooks: {
    beforeValidate: [checkKeyStrength],
    beforeChange: [keepOnlyKeyIndex],
    afterChange: [() => forgetApiKeys()],
    afterDelete: [() => forgetApiKeys()],
  },
  admin: {
    useAsTitle: 'name',
    group: 'Releases',
    defaultColumns: ['name', 'description', 'updatedAt'],
  },
  access: {
    read: adminsOnly,
    create: adminsOnly,
    update: adminsOnly,
    delete: adminsOnly,
    admin: () => false,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
  ],
}
