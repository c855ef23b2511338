// Plain JavaScript so that scripts/server.mjs can import it without a TypeScript loader.

/**
 * Where the studio's production server (scripts/server.mjs) finds the delivery tier running in
 * its own process. The tier is built with Next's server code (src/instrumentation.ts), the
 * server is plain Node: a well-known slot on globalThis is the one thing both can see.
 */
const DELIVERY_TIER_SLOT = Symbol.for('cdm-studio.delivery-tier')

/** Set by scripts/server.mjs: start the tier in this process, in front of Next. */
export const IN_PROCESS_TIER_ENV = 'CDM_DELIVERY_TIER_IN_PROCESS'

/** @param {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<void>} tier */
export function offerDeliveryTier(tier) {
  globalThis[DELIVERY_TIER_SLOT] = tier
}

/** The tier, once started; until then (and when not started) requests go to Next. */
export function deliveryTier() {
  return globalThis[DELIVERY_TIER_SLOT] ?? null
}
