import type { Payload } from 'payload'

import { deliveryListener } from './deliveryListener'
import { isDeliveryTierExpected, offerDeliveryTier } from '../lib/http/deliveryTierSlot.mjs'
import { watchDeliveryChanges } from '../services/delivery/deliveryChanges'

/**
 * Under `npm start`, hands the delivery tier to scripts/server.mjs once Payload has started.
 * It runs from Payload's onInit, inside the bundle that serves the studio's own routes: a
 * Payload started anywhere else (Next's instrumentation is a bundle of its own) would be another
 * copy of Payload's code, and errors one copy throws are not the other's classes.
 */
export function offerInProcessDeliveryTier(payload: Payload): void {
  if (!isDeliveryTierExpected()) return
  // Other instances and the worker change releases too: learn of it within about a second.
  watchDeliveryChanges(payload)
  offerDeliveryTier(deliveryListener(payload))
}
