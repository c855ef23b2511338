// Generated from src/delivery-client/offlineCopy.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { SignedBytes } from './api.mjs'
import type { DeliveryManifest, PinnedKey } from './types.mjs'
export type LocalManifest = SignedBytes & {
  manifest: DeliveryManifest
  version: string
}
export declare function assetDirOf(outDir: string): string
/**
 * The local manifest with its ETag, if it is no larger than `limit` and verifies against the
 * pins; anything else (missing, damaged, too large) is treated as absent.
 */
export declare function readLocalManifest(
  outDir: string,
  pinnedKeys: readonly PinnedKey[],
  limit: number,
): Promise<LocalManifest | null>
/**
 * Makes `signed` the manifest in force. The signature goes first so the manifest rename is the
 * single step that switches releases.
 */
export declare function installManifest(outDir: string, signed: SignedBytes): Promise<void>
/**
 * Deletes the asset files (and leftover downloads) `manifest` does not list under their name;
 * returns the sha256 of the assets removed, that is of those the manifest no longer has at all.
 */
export declare function removeUnlistedAssets(
  outDir: string,
  manifest: DeliveryManifest,
): Promise<string[]>
