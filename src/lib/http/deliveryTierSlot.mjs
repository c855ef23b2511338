// Plain JavaScript so that scripts/server.mjs can import it without a TypeScript loader.

/**
 * Where the studio's production server (scripts/server.mjs) finds the delivery tier running in
 * its own process. The server is plain Node; the tier is built from Next's server bundle, once
 * Payload has started there (src/endpoints/inProcessDeliveryTier.ts): a well-known slot on
 * globalThis is the one thing both can see. A flag on globalThis, not an environment variable,
 * so that processes the server starts do not think they serve delivery too.
 */
const DELIVERY_TIER_SLOT = Symbol.for('cdm-studio.delivery-tier')

/** Called by scripts/server.mjs: this process answers `/api/delivery/*` in front of Next. */
export function expectDeliveryTier() {
  globalThis[DELIVERY_TIER_SLOT] ??= { tier: null }
}

/** Whether this process's server wants the tier (false under `next dev`, workers, scripts). */
export function isDeliveryTierExpected() {
  return globalThis[DELIVERY_TIER_SLOT] != null
}

/** @param {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<void>} tier */
export function offerDeliveryTier(tier) {
  const slot = globalThis[DELIVERY_TIER_SLOT]
  if (slot) slot.tier = tier
}

/** The tier, once Payload has started; until then requests go to Next's delivery routes. */
export function deliveryTier() {
  return globalThis[DELIVERY_TIER_SLOT]?.tier ?? null
}
