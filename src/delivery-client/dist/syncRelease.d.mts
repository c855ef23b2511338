// Generated from src/delivery-client/syncRelease.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { Studio } from './api.mjs'
import type { SyncOptions, SyncResult } from './types.mjs'
/**
 * Brings the offline copy in `outDir` to the latest release: nothing changes on disk until its
 * manifest is trusted, and the manifest takes effect only once every file it needs is there.
 */
export declare function syncRelease(studio: Studio, options: SyncOptions): Promise<SyncResult>
