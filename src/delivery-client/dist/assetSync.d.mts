// Generated from src/delivery-client/assetSync.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { type DownloadContext } from './assetDownload.mjs'
export interface SyncAssetsInput extends Omit<DownloadContext, 'signal'> {
  /** sha256 → asset of the release, in the order to fetch them. */
  assets: [
    string,
    {
      bytes: number
      file: string
    },
  ][]
  assetDir: string
  concurrency: number
  signal?: AbortSignal
}
/**
 * Makes every asset present and verified in `assetDir`, `concurrency` at a time, reusing intact
 * files. One failure stops the rest: in-flight downloads are aborted (their .part files stay for
 * the next attempt) and the first error is what the caller sees.
 */
export declare function syncAssets({
  assets,
  assetDir,
  concurrency,
  signal,
  ...download
}: SyncAssetsInput): Promise<{
  downloaded: string[]
  reused: string[]
}>
