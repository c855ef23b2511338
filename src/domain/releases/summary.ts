import { computeDelta } from './delta'
import { compareSemver } from './semver'
import type { ReleaseOutput } from '../../payload-types'
import { ASSET_MIME } from '../manifest/buildManifest'

/**
 * What a build wrote for one audience × locale, as `releases.outputs` stores it; its contract is
 * releaseOutputSchema.ts, from which payload-types.ts has the type.
 */
export type { ReleaseOutput }

export interface DeltaSummary {
  from: string
  addCount: number
  addBytes: number
  dropCount: number
  dropBytes: number
}

export interface OutputSummary {
  audience: string
  locale: string
  manifestBytes: number
  assetCount: number
  assetBytes: number
  bundleBytes: number
  /** Whether it has printable worksheets (releases built since manifests of version 3). */
  printable: boolean
  /** From each earlier release with the same audience and locale, newest first. */
  deltas: DeltaSummary[]
}

/**
 * Sizes of a release's outputs and, for each, what a device already holding an earlier release
 * would download (and could delete) to move to this one.
 */
export function summariseOutputs(
  release: { version: string; outputs: ReleaseOutput[] },
  earlier: { version: string; outputs: ReleaseOutput[] }[],
): OutputSummary[] {
  const older = earlier
    .filter((r) => compareSemver(r.version, release.version) < 0)
    .sort((a, b) => compareSemver(b.version, a.version))
  return release.outputs.map((output) => ({
    audience: output.audience,
    locale: output.locale,
    manifestBytes: output.manifestBytes,
    assetCount: Object.keys(output.assets).length,
    assetBytes: output.assetBytes,
    bundleBytes: output.bundleBytes,
    printable: Object.values(output.assets).some((asset) => asset.mime === ASSET_MIME.printable),
    deltas: older.flatMap((previous) => {
      const match = previous.outputs.find(
        (o) => o.audience === output.audience && o.locale === output.locale,
      )
      if (!match) return []
      const delta = computeDelta(match.assets, output.assets)
      return [
        {
          from: previous.version,
          addCount: delta.add.length,
          addBytes: delta.addBytes,
          dropCount: delta.drop.length,
          dropBytes: delta.dropBytes,
        },
      ]
    }),
  }))
}
