import type { IncomingMessage, ServerResponse } from 'node:http'

export type DeliveryTier = (request: IncomingMessage, response: ServerResponse) => Promise<void>
export function expectDeliveryTier(): void
export function isDeliveryTierExpected(): boolean
export function offerDeliveryTier(tier: DeliveryTier): void
export function deliveryTier(): DeliveryTier | null
