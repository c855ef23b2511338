import type { DeliveryErrorCode } from './types'

export interface DeliveryErrorDetails {
  status?: number
  url?: string
  sha256?: string
  cause?: unknown
}

export class DeliveryError extends Error {
  // Declared, not initialised: a detail that does not apply is absent, not `undefined`.
  declare readonly name: 'DeliveryError'
  declare readonly code: DeliveryErrorCode
  /** The HTTP status, for errors the server answered with. */
  declare readonly status?: number
  declare readonly url?: string
  /** The asset concerned, for 'bad-asset' and interrupted downloads. */
  declare readonly sha256?: string

  constructor(code: DeliveryErrorCode, message: string, details: DeliveryErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'DeliveryError'
    this.code = code
    if (details.status !== undefined) this.status = details.status
    if (details.url !== undefined) this.url = details.url
    if (details.sha256 !== undefined) this.sha256 = details.sha256
  }
}
