// Generated from src/delivery-client/index.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/**
 * CDM Studio delivery client: fetch a toolkit release, check its Ed25519 signature against keys
 * the app pinned, and keep an offline copy in sync, downloading only files it does not have.
 *
 * Written in TypeScript; `scripts/build-delivery-client.mjs` turns it into the dependency-free
 * JavaScript and declarations in `dist/` that apps copy and `scripts/delivery-sync.mjs` runs
 * (Node >= 20, nothing else).
 */
export { MAX_MANIFEST_BYTES, createDeliveryClient } from './client.mjs'
export { DeliveryError } from './errors.mjs'
export { MANIFEST_SCHEMA, MANIFEST_SCHEMAS, checkManifestAssets } from './manifest.mjs'
export { keyIdOf, verifyManifest } from './signature.mjs'
export { defaultStateFile, readState, trustKeys, trustedKeysFor } from './state.mjs'
export { compareVersions } from './versions.mjs'
export {
  checkAssetAsync,
  keyIdOfAsync,
  sha256HexAsync,
  trustedManifestAsync,
  verifyManifestAsync,
} from './webCrypto.mjs'
