import type { SyncProgress } from './types'

/** What a sync has done so far, reported to `onProgress` as it changes. */
export interface ProgressTally {
  report(phase: SyncProgress['phase'], current?: string): void
  /** The release's assets, once its manifest is trusted. */
  expect(assets: [string, { bytes: number }][]): void
  /** `have` bytes of asset `sha` are present (a resumed download starts above 0). */
  advance(sha: string, have: number): void
  /** A chunk of `chunkBytes` arrived, bringing asset `sha` to `have` bytes. */
  received(sha: string, have: number, chunkBytes: number): void
  /** Asset `sha` is present and verified. */
  assetDone(sha: string, size: number): void
  /** Bytes received from the network so far. */
  readonly bytesDownloaded: number
}

export function createProgressTally(onProgress?: (progress: SyncProgress) => void): ProgressTally {
  const counts = { assetsDone: 0, assetsTotal: 0, bytesDone: 0, bytesTotal: 0 }
  // Per asset, the most bytes ever counted toward bytesDone, so a restarted download does not
  // count twice and progress never goes backwards.
  const counted = new Map<string, number>()
  let bytesDownloaded = 0

  const report: ProgressTally['report'] = (phase, current) =>
    onProgress?.({ phase, ...counts, ...(current ? { current } : {}) })
  const advance: ProgressTally['advance'] = (sha, have) => {
    const before = counted.get(sha) ?? 0
    if (have > before) {
      counts.bytesDone += have - before
      counted.set(sha, have)
    }
  }
  return {
    report,
    advance,
    expect(assets) {
      counts.assetsTotal = assets.length
      counts.bytesTotal = assets.reduce((sum, [, asset]) => sum + asset.bytes, 0)
    },
    received(sha, have, chunkBytes) {
      bytesDownloaded += chunkBytes
      advance(sha, have)
      report('assets', sha)
    },
    assetDone(sha, size) {
      advance(sha, size)
      counts.assetsDone += 1
      report('assets', sha)
    },
    get bytesDownloaded() {
      return bytesDownloaded
    },
  }
}
