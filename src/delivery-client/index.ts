/**
 * CDM Studio delivery client: fetch a toolkit release, check its Ed25519 signature against keys
 * the app pinned, and keep an offline copy in sync, downloading only files it does not have.
 *
 * Written in TypeScript; `scripts/build-delivery-client.mjs` turns it into the dependency-free
 * JavaScript and declarations in `dist/` that apps copy and `scripts/delivery-sync.mjs` runs
 * (Node >= 20, nothing else).
 */
export { MAX_MANIFEST_BYTES, createDeliveryClient } from './client'
export { DeliveryError } from './errors'
export { MANIFEST_SCHEMA, MANIFEST_SCHEMAS, checkManifestAssets } from './manifest'
export { keyIdOf, verifyManifest } from './signature'
export { defaultStateFile, readState, trustKeys, trustedKeysFor } from './state'
export { compareVersions } from './versions'
export {
  checkAssetAsync,
  keyIdOfAsync,
  sha256HexAsync,
  trustedManifestAsync,
  verifyManifestAsync,
} from './webCrypto'
export type * from './types'
