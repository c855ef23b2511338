/**
 * Next runs this once when the production server starts. Under scripts/server.mjs it starts the
 * delivery tier in this process: `/api/delivery/*` is then answered before Next sees the
 * request, with the same Payload instance and caches as the studio's routes.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { IN_PROCESS_TIER_ENV, offerDeliveryTier } = await import('./lib/http/deliveryTierSlot.mjs')
  if (process.env[IN_PROCESS_TIER_ENV] !== '1') return
  const [{ getPayload }, { default: config }, { deliveryListener }, { watchDeliveryChanges }] =
    await Promise.all([
      import('payload'),
      import('@payload-config'),
      import('./endpoints/deliveryListener'),
      import('./services/delivery/deliveryChanges'),
    ])
  const payload = await getPayload({ config })
  // Other instances and the worker change releases too: learn of it within about a second.
  watchDeliveryChanges(payload)
  offerDeliveryTier(deliveryListener(payload))
}
