// Generated from src/delivery-client/progress.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
export function createProgressTally(onProgress) {
  const counts = { assetsDone: 0, assetsTotal: 0, bytesDone: 0, bytesTotal: 0 }
  // Per asset, the most bytes ever counted toward bytesDone, so a restarted download does not
  // count twice and progress never goes backwards.
  const counted = new Map()
  let bytesDownloaded = 0
  const report = (phase, current) =>
    onProgress?.({ phase, ...counts, ...(current ? { current } : {}) })
  const advance = (sha, have) => {
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
