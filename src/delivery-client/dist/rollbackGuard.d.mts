// Generated from src/delivery-client/rollbackGuard.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { LocalManifest } from './offlineCopy.mjs'
import type { SyncPlan } from './syncPlan.mjs'
/**
 * Refuses a validly signed release that is older than one already installed here, or that the
 * studio has withdrawn: a stale cache or a hostile mirror replaying it must not roll a device
 * back (and delete the newer files). Checked on the signed version, before a single file
 * changes. A folder synced before the client kept state vouches for its own (verified) version.
 */
export declare function refuseRollback(
  plan: SyncPlan,
  version: string,
  localCopy: LocalManifest | null,
): Promise<void>
