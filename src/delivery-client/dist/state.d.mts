// Generated from src/delivery-client/state.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { DeliveryState, InstalledRelease, PublishedKey, ReleaseQuery } from './types.mjs'
export declare const STATE_SCHEMA = 'cdm-delivery-state/1'
/** The default state file of a content folder: beside it, never inside it. */
export declare function defaultStateFile(outDir: string): string
/**
 * The state file, which must not sit inside the content folder: whoever can replace the
 * content must not also reset the record of what was installed.
 */
export declare function stateFileFor(outDir: string, stateFile: string | undefined): string
export declare function stateKey({ toolkit, audience, locale }: ReleaseQuery): string
/**
 * The state in `file`, or an empty one when there is none yet. A file that exists but cannot
 * be read as state is an error: treating it as empty would silently drop the rollback guard.
 */
export declare function readState(file: string): Promise<DeliveryState>
/**
 * Reads the state, lets `change` edit it, and writes it back atomically (temporary file, fsync,
 * rename). Updates of one file within this process run one after another.
 */
export declare function updateState<T>(
  file: string,
  change: (state: DeliveryState) => T,
): Promise<T>
export declare function installedIn(state: DeliveryState, query: ReleaseQuery): InstalledRelease
/** Notes versions the studio says were withdrawn. */
export declare function recordWithdrawn(
  file: string,
  query: ReleaseQuery,
  withdrawn: {
    version: string
    reason: string | null
  }[],
): Promise<void>
/** Raises the highest installed version; never lowers it. */
export declare function recordInstalled(
  file: string,
  query: ReleaseQuery,
  version: string,
): Promise<void>
/** Keys trusted on first use for a studio, or null when none were recorded. */
export declare function trustedKeysFor(file: string, origin: string): Promise<PublishedKey[] | null>
/** Records the keys a studio listed, to be trusted from now on. */
export declare function trustKeys(file: string, origin: string, keys: PublishedKey[]): Promise<void>
