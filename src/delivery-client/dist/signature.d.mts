// Generated from src/delivery-client/signature.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { type KeyObject } from 'node:crypto'
import type { PinnedKey, VerifyManifestInput } from './types.mjs'
/** The key id the studio uses: first 16 hex characters of sha256 of the raw public key. */
export declare function keyIdOf(publicKey: string | Uint8Array): string
/**
 * Pinned keys by the key id computed from each key, so a mislabelled entry cannot vouch for a
 * signature made with another key.
 */
export declare function pinnedKeyMap(
  pinnedKeys: readonly PinnedKey[] | undefined,
): Map<string, KeyObject>
/** Throws `DeliveryError` 'unknown-key' or 'bad-signature' unless a pinned key signed `bytes`. */
export declare function verifyManifest({
  bytes,
  signature,
  keyId,
  pinnedKeys,
}: VerifyManifestInput): void
