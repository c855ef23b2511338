// Generated from src/delivery-client/errors.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { DeliveryErrorCode } from './types.mjs'
export interface DeliveryErrorDetails {
  status?: number
  url?: string
  sha256?: string
  cause?: unknown
}
export declare class DeliveryError extends Error {
  readonly name: 'DeliveryError'
  readonly code: DeliveryErrorCode
  /** The HTTP status, for errors the server answered with. */
  readonly status?: number
  readonly url?: string
  /** The asset concerned, for 'bad-asset' and interrupted downloads. */
  readonly sha256?: string
  constructor(code: DeliveryErrorCode, message: string, details?: DeliveryErrorDetails)
}
