// Generated from src/delivery-client/trustedManifest.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { type SignedBytes, type Studio } from './api.mjs'
import { type LocalManifest } from './offlineCopy.mjs'
import type { SyncPlan } from './syncPlan.mjs'
import type { DeliveryManifest, LatestRelease } from './types.mjs'
/** The latest release; the versions the studio lists as withdrawn are remembered at once. */
export declare function findLatestRelease(studio: Studio, plan: SyncPlan): Promise<LatestRelease>
export interface TrustedManifest {
  signed: SignedBytes
  /** Verified, of the release asked for, and with a usable asset table. */
  manifest: DeliveryManifest
  /** The offline copy's manifest as it was before this sync, if intact. */
  localCopy: LocalManifest | null
}
/** The release's manifest, checked against the pins, the query and its own asset table. */
export declare function fetchTrustedManifest(
  studio: Studio,
  plan: SyncPlan,
  release: LatestRelease,
): Promise<TrustedManifest>
