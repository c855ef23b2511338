// Generated from src/delivery-client/webCrypto.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { DeliveryManifest, ReleaseQuery, VerifyManifestInput } from './types.mjs'
/** Lower-case hex sha256 of `bytes`. */
export declare function sha256HexAsync(bytes: Uint8Array | ArrayBuffer): Promise<string>
/** The studio's key id of a raw or base64 public key, computed with WebCrypto. */
export declare function keyIdOfAsync(publicKey: string | Uint8Array): Promise<string>
/**
 * Throws `DeliveryError` 'unknown-key' or 'bad-signature' unless a pinned key signed `bytes`.
 * Key ids are computed from the pinned keys themselves, as `verifyManifest` does, so a
 * mislabelled pin cannot vouch for another key's signature.
 */
export declare function verifyManifestAsync({
  bytes,
  signature,
  keyId,
  pinnedKeys,
}: VerifyManifestInput): Promise<void>
/**
 * The manifest in `bytes`, once its signature verifies with a pinned key, it is the release
 * asked for, and its asset table is usable.
 */
export declare function trustedManifestAsync(
  input: VerifyManifestInput & {
    expected: ReleaseQuery & {
      version: string
    }
  },
): Promise<DeliveryManifest>
/** Throws `DeliveryError` 'bad-asset' unless `bytes` are the asset the manifest lists. */
export declare function checkAssetAsync(
  manifest: DeliveryManifest,
  sha256: string,
  bytes: Uint8Array | ArrayBuffer,
): Promise<void>
