// Generated from src/delivery-client/syncPlan.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { PinnedKey, ReleaseQuery, SyncOptions } from './types.mjs'
/** A sync's options, checked and with their defaults. */
export interface SyncPlan {
  query: ReleaseQuery
  outDir: string
  stateFile: string
  pinnedKeys: readonly PinnedKey[]
  concurrency: number
  retries: number
  signal?: AbortSignal
}
/** Refuses unusable options before any network traffic or change on disk. */
export declare function planSync(options: SyncOptions): Promise<SyncPlan>
