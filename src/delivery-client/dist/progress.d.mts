// Generated from src/delivery-client/progress.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { SyncProgress } from './types.mjs'
/** What a sync has done so far, reported to `onProgress` as it changes. */
export interface ProgressTally {
  report(phase: SyncProgress['phase'], current?: string): void
  /** The release's assets, once its manifest is trusted. */
  expect(
    assets: [
      string,
      {
        bytes: number
      },
    ][],
  ): void
  /** `have` bytes of asset `sha` are present (a resumed download starts above 0). */
  advance(sha: string, have: number): void
  /** A chunk of `chunkBytes` arrived, bringing asset `sha` to `have` bytes. */
  received(sha: string, have: number, chunkBytes: number): void
  /** Asset `sha` is present and verified. */
  assetDone(sha: string, size: number): void
  /** Bytes received from the network so far. */
  readonly bytesDownloaded: number
}
export declare function createProgressTally(
  onProgress?: (progress: SyncProgress) => void,
): ProgressTally
