export interface DeltaAsset {
  sha256: string
  bytes: number
}

export interface Delta {
  /** Assets the newer release has that the older one lacks: what a device must download. */
  add: DeltaAsset[]
  /** Assets only the older release has: what a device may delete. */
  drop: DeltaAsset[]
  addBytes: number
  dropBytes: number
}

/**
 * The difference between two releases' asset tables. Assets are content-addressed, so a file
 * kept under the same sha256 is unchanged and never downloaded again. Lists are sorted by
 * sha256 so the same pair of releases always gives the same bytes.
 */
export function computeDelta(
  fromAssets: Record<string, { bytes: number }>,
  toAssets: Record<string, { bytes: number }>,
): Delta {
  const add = onlyIn(toAssets, fromAssets)
  const drop = onlyIn(fromAssets, toAssets)
  return { add, drop, addBytes: total(add), dropBytes: total(drop) }
}

function onlyIn(
  these: Record<string, { bytes: number }>,
  those: Record<string, { bytes: number }>,
): DeltaAsset[] {
  return Object.keys(these)
    .filter((sha256) => !Object.hasOwn(those, sha256))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((sha256) => ({ sha256, bytes: these[sha256].bytes }))
}

function total(assets: DeltaAsset[]): number {
  return assets.reduce((sum, a) => sum + a.bytes, 0)
}
