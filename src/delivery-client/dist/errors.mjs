// Generated from src/delivery-client/errors.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
export class DeliveryError extends Error {
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'DeliveryError'
    this.code = code
    if (details.status !== undefined) this.status = details.status
    if (details.url !== undefined) this.url = details.url
    if (details.sha256 !== undefined) this.sha256 = details.sha256
  }
}
