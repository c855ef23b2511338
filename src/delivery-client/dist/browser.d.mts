// Generated from src/delivery-client/browser.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/**
 * The parts of the delivery client that run in a browser or service worker: no Node built-ins,
 * only WebCrypto. A web app imports this entry (`browser.mjs` in dist/) instead of `index`.
 */
export { DeliveryError } from './errors.mjs'
export {
  MANIFEST_SCHEMA,
  MANIFEST_SCHEMAS,
  checkManifestAssets,
  checkManifestMatches,
  parseManifest,
} from './manifest.mjs'
export { compareVersions } from './versions.mjs'
export {
  checkAssetAsync,
  keyIdOfAsync,
  sha256HexAsync,
  trustedManifestAsync,
  verifyManifestAsync,
} from './webCrypto.mjs'
export type * from './types.mjs'
