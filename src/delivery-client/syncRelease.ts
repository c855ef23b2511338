import fs from 'node:fs/promises'

import type { SignedBytes, Studio } from './api'
import { syncAssets } from './assetSync'
import { assetDirOf, installManifest, removeUnlistedAssets } from './offlineCopy'
import { createProgressTally } from './progress'
import { refuseRollback } from './rollbackGuard'
import { recordInstalled } from './state'
import { type SyncPlan, planSync } from './syncPlan'
import { fetchTrustedManifest, findLatestRelease } from './trustedManifest'
import type { DeliveryManifest, SyncOptions, SyncResult } from './types'

/**
 * Brings the offline copy in `outDir` to the latest release: nothing changes on disk until its
 * manifest is trusted, and the manifest takes effect only once every file it needs is there.
 */
export async function syncRelease(studio: Studio, options: SyncOptions): Promise<SyncResult> {
  const plan = await planSync(options)
  const progress = createProgressTally(options.onProgress)

  progress.report('manifest')
  const release = await findLatestRelease(studio, plan)
  const { signed, manifest, localCopy } = await fetchTrustedManifest(studio, plan, release)
  await refuseRollback(plan, release.version, localCopy)

  const assets = sortedAssets(manifest)
  progress.expect(assets)
  await fs.mkdir(assetDirOf(plan.outDir), { recursive: true })
  progress.report('assets')
  const { downloaded, reused } = await syncAssets({
    assets,
    assetDir: assetDirOf(plan.outDir),
    concurrency: plan.concurrency,
    signal: plan.signal,
    http: studio.http,
    retries: plan.retries,
    progress,
  })

  progress.report('finalise')
  await switchRelease(plan, release.version, signed)
  // Files of the previous release are deleted last: until the switch they were still in use.
  const removed = await removeUnlistedAssets(plan.outDir, manifest)
  progress.report('finalise')

  return {
    version: release.version,
    downloaded: downloaded.sort(),
    reused: reused.sort(),
    removed: removed.sort(),
    bytesDownloaded: progress.bytesDownloaded,
  }
}

function sortedAssets(manifest: DeliveryManifest): [string, { bytes: number; file: string }][] {
  return Object.entries(manifest.assets).sort(([a], [b]) => (a < b ? -1 : 1))
}

/**
 * Makes the new manifest the one in force. The version is recorded first: if the switch
 * fails, the next sync of this same version completes it, and nothing older can get in
 * meanwhile.
 */
async function switchRelease(plan: SyncPlan, version: string, signed: SignedBytes) {
  await recordInstalled(plan.stateFile, plan.query, version)
  await installManifest(plan.outDir, signed)
}
