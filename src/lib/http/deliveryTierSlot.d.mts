import type { IncomingMessage, ServerResponse } from 'node:http'

export type DeliveryTier = (request: IncomingMessage, response: ServerResponse) => Promise<void>
export const IN_PROCESS_TIER_ENV: string
export function offerDeliveryTier(tier: DeliveryTier): void
export function deliveryTier(): DeliveryTier | null
