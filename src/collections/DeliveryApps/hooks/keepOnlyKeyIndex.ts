import type { CollectionBeforeChangeHook } from 'payload'

import type { DeliveryApp } from '../../../payload-types'

/**
 * Payload stores an API key twice: encrypted with PAYLOAD_SECRET (so it could be revealed) and
 * as `apiKeyIndex`, an HMAC-SHA256 used to look it up. Verification needs only the index, so
 * the key itself is dropped here: this collection hook runs after Payload has computed the
 * index (a field beforeValidate hook) and before it encrypts the key (a field beforeChange
 * hook), which then stores nothing. A key is shown once, in the admin that generated it.
 */
export const keepOnlyKeyIndex: CollectionBeforeChangeHook<DeliveryApp> = ({ data }) => {
  return { ...data, apiKey: null }
}
