// Generated from src/delivery-client/assetDownload.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { ProgressTally } from './progress.mjs'
import type { Transport } from './transport.mjs'
export interface DownloadContext {
  http: Transport
  /** Aborted when the caller cancels or another download failed. */
  signal: AbortSignal
  /** Extra attempts after a network failure. */
  retries: number
  progress: ProgressTally
}
/**
 * Downloads into `<file>.part`, resuming from what a previous attempt left there, and only
 * renames the file into place once its size and sha256 are right.
 */
export declare function downloadAsset(
  context: DownloadContext,
  asset: {
    sha: string
    size: number
    name: string
  },
  file: string,
): Promise<void>
