/**
 * The parts of the delivery client that run in a browser or service worker: no Node built-ins,
 * only WebCrypto. A web app imports this entry (`browser.mjs` in dist/) instead of `index`.
 */
export { DeliveryError } from './errors'
export {
  MANIFEST_SCHEMA,
  MANIFEST_SCHEMAS,
  checkManifestAssets,
  checkManifestMatches,
  parseManifest,
} from './manifest'
export { compareVersions } from './versions'
export {
  checkAssetAsync,
  keyIdOfAsync,
  sha256HexAsync,
  trustedManifestAsync,
  verifyManifestAsync,
} from './webCrypto'
export type * from './types'
