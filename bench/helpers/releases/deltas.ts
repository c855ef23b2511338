import fs from 'node:fs'

import type { Manifest } from '../../../src/domain/manifest/types'
import { bytes } from '../format'
import { assetUses, manifestDifferences } from '../manifest'
import type { SignedManifests } from './firstBuild'
import { assetFile, LOCALE, type Studio, TOOLKIT } from './studio'

interface DeltaAnswer {
  add: { sha256: string; bytes: number }[]
  drop: { sha256: string; bytes: number }[]
  addBytes: number
  dropBytes: number
}

export type DeltaComparison = Awaited<ReturnType<typeof compareDeltas>>

const sizeOnDisk = (sha: string) => fs.statSync(assetFile(sha)).size
const onlyIn = (a: Manifest, b: Manifest) =>
  Object.keys(a.assets).filter((sha) => !Object.hasOwn(b.assets, sha))
const sameSet = (list: { sha256: string }[], truth: string[]) =>
  JSON.stringify(list.map((a) => a.sha256).sort()) === JSON.stringify([...truth].sort())

/** 4. The delta endpoint 1.0.0 → 1.1.0 vs the assets that really changed, per audience. */
export async function compareDeltas(studio: Studio, manifests100: SignedManifests) {
  const rows: string[][] = [
    ['audience', 'delta add', 'truth add', 'delta drop', 'truth drop', 'equal', 'manifest'],
  ]
  const changed = new Map<string, string>()
  const manifestChanges = new Set<string>()
  let allEqual = true
  for (const audience of studio.audiences) {
    const query = `audience=${audience.slug}&locale=${LOCALE}`
    const delta = (
      await studio.delivery<DeltaAnswer>(
        `/api/delivery/toolkits/${TOOLKIT}/releases/1.1.0/delta?from=1.0.0&${query}`,
      )
    ).json
    const before = manifests100.get(audience.slug)!
    const after = await studio.delivery<Manifest>(
      `/api/delivery/toolkits/${TOOLKIT}/releases/1.1.0/manifest.json?${query}`,
    )
    const truth = groundTruth(before.manifest, after.json)
    const equal =
      delta.addBytes === truth.addBytes &&
      delta.dropBytes === truth.dropBytes &&
      sameSet(delta.add, truth.added) &&
      sameSet(delta.drop, truth.dropped)
    allEqual &&= equal
    for (const key of manifestDifferences(before.manifest, after.json)) manifestChanges.add(key)
    for (const [sha, line] of describeChanges(before.manifest, after.json, truth))
      changed.set(sha, line)
    rows.push([
      audience.slug,
      `${delta.add.length} / ${bytes(delta.addBytes)}`,
      `${truth.added.length} / ${bytes(truth.addBytes)}`,
      `${delta.drop.length} / ${bytes(delta.dropBytes)}`,
      `${truth.dropped.length} / ${bytes(truth.dropBytes)}`,
      equal ? 'yes' : 'NO',
      `${bytes(before.text.length)} → ${bytes(after.text.length)}`,
    ])
  }
  return { rows, changed, manifestChanges, allEqual }
}

/** Ground truth from the two asset tables, each size checked against the stored file. */
function groundTruth(before: Manifest, after: Manifest) {
  for (const m of [before, after])
    for (const [sha, asset] of Object.entries(m.assets))
      if (asset.bytes !== sizeOnDisk(sha))
        throw new Error(
          `manifest lists ${sha} as ${asset.bytes} B; the file has ${sizeOnDisk(sha)} B`,
        )
  const added = onlyIn(after, before)
  const dropped = onlyIn(before, after)
  return {
    added,
    dropped,
    addBytes: added.reduce((sum, sha) => sum + sizeOnDisk(sha), 0),
    dropBytes: dropped.reduce((sum, sha) => sum + sizeOnDisk(sha), 0),
  }
}

/** A line per added (+) or dropped (-) asset: its size and what in the manifest names it. */
function describeChanges(
  before: Manifest,
  after: Manifest,
  truth: { added: string[]; dropped: string[] },
): [string, string][] {
  const usesAfter = assetUses(after)
  const usesBefore = assetUses(before)
  // HLS media playlists and segments are named only in the asset table and by playlists.
  const describe = (m: Manifest, uses: Map<string, string[]>, sha: string) =>
    `${bytes(sizeOnDisk(sha))} ${uses.get(sha)?.join(', ') ?? `${m.assets[sha].mime} (not named by a clip field)`}`
  return [
    ...truth.added.map((sha): [string, string] => [sha, `+ ${describe(after, usesAfter, sha)}`]),
    ...truth.dropped.map((sha): [string, string] => [
      sha,
      `- ${describe(before, usesBefore, sha)}`,
    ]),
  ]
}
