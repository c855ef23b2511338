// @ts-check
/**
 * @typedef {import('./index.mjs').DeliveryErrorCode} DeliveryErrorCode
 */

export class DeliveryError extends Error {
  /**
   * @param {DeliveryErrorCode} code
   * @param {string} message
   * @param {{ status?: number, url?: string, sha256?: string, cause?: unknown }} [details]
   */
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    /** @type {'DeliveryError'} */
    this.name = 'DeliveryError'
    this.code = code
    if (details.status !== undefined) this.status = details.status
    if (details.url !== undefined) this.url = details.url
    if (details.sha256 !== undefined) this.sha256 = details.sha256
  }
}
