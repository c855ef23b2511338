// Generated from src/delivery-client/client.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { DeliveryClient, DeliveryClientOptions } from './types.mjs'
/** Default cap on a manifest's size, checked while it streams in and before it is parsed. */
export declare const MAX_MANIFEST_BYTES: number
export declare function createDeliveryClient({
  baseUrl,
  apiKey,
  fetch: fetchImpl,
  maxManifestBytes,
}: DeliveryClientOptions): DeliveryClient
