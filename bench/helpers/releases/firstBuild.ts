import fs from 'node:fs'
import path from 'node:path'

import type { Manifest } from '../../../src/domain/manifest/types'
import { mediaDir } from '../../../src/lib/config/paths'
import type { ReleaseOutput } from '../../../src/payload-types'
import { flushDisk } from '../disk'
import { prepareZipBaseline } from '../zipBaseline'
import type { Profiled } from './profiles'
import { assetFile, createRelease, LOCALE, median, publish, type Studio, TOOLKIT } from './studio'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

export type SignedManifests = Map<string, { manifest: Manifest; text: string }>
export type FirstBuild = Awaited<ReturnType<typeof measureFirstBuild>>

/** 2. The first release build, on an empty asset store, vs sha256sum + zip of the same bytes. */
export async function measureFirstBuild(studio: Studio, profiled: Profiled, tmp: string) {
  const storeBefore = fs.existsSync(mediaDir('assets'))
    ? fs.readdirSync(mediaDir('assets')).length
    : 0
  if (storeBefore > 0)
    throw new Error(`the asset store ${mediaDir('assets')} is not empty; use a fresh MEDIA_DIR`)
  const release = await createRelease(studio, '1.0.0')
  const flushBeforeBuildMs = flushDisk()
  const build = await profiled('build-1.0.0', () => publish(studio, release))
  const outputs = build.release.outputs ?? []
  const { manifests, signatures } = await fetchSignedManifests(studio, '1.0.0')
  const baseline = baselineTimes(path.join(tmp, 'baseline'), outputs, manifests, signatures)
  return { build, outputs, manifests, flushBeforeBuildMs, baseline }
}

/** Each audience's manifest of a release as delivery serves it, and its signature headers. */
async function fetchSignedManifests(studio: Studio, version: string) {
  const manifests: SignedManifests = new Map()
  const signatures = new Map<string, string>()
  for (const audience of studio.audiences) {
    const pathname = `/api/delivery/toolkits/${TOOLKIT}/releases/${version}/manifest.json?audience=${audience.slug}&locale=${LOCALE}`
    const response = await fetch(`${studio.url}${pathname}`, { headers: studio.deliveryHeaders })
    const text = await response.text()
    if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status} ${text}`)
    manifests.set(audience.slug, { manifest: JSON.parse(text) as Manifest, text })
    signatures.set(
      audience.slug,
      JSON.stringify({
        keyId: response.headers.get('x-cdm-key-id'),
        signature: response.headers.get('x-cdm-signature'),
      }),
    )
  }
  return { manifests, signatures }
}

/** sha256sum + zip -0 of the build's bytes in the same layout, median of BENCH_ROUNDS runs. */
function baselineTimes(
  dir: string,
  outputs: ReleaseOutput[],
  manifests: SignedManifests,
  signatures: Map<string, string>,
) {
  const baseline = prepareZipBaseline({
    dir,
    fileFor: assetFile,
    bundles: outputs.map((o) => ({
      name: `${o.audience}.${o.locale}`,
      manifest: Buffer.from(manifests.get(o.audience)!.text),
      signature: signatures.get(o.audience)!,
      assets: Object.keys(o.assets),
    })),
  })
  const runs = Array.from({ length: ROUNDS }, () => {
    flushDisk()
    return baseline.once()
  })
  return {
    rounds: ROUNDS,
    distinctAssets: baseline.distinctAssets,
    shaMs: median(runs.map((r) => r.sha256sumMs)),
    zipMs: median(runs.map((r) => r.zipMs)),
    cpMs: median(runs.map((r) => r.copyMs)),
    totalMs: median(runs.map((r) => r.sha256sumMs + r.zipMs)),
    distinctBytes: baseline.files.reduce((sum, f) => sum + fs.statSync(f).size, 0),
    bundleBytes: outputs.reduce((sum, o) => sum + o.bundleBytes, 0),
    zipBytes: Object.values(runs[0].zipBytes).reduce((a, b) => a + b, 0),
  }
}
