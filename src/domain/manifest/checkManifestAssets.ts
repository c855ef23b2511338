import type { Manifest } from './types'

export interface AssetReference {
  sha256: string
  /** Where in the manifest, e.g. `modules[0].exercises[1].clip.poster`. */
  path: string
}

export interface AssetCheck {
  ok: boolean
  /** Files the manifest points at that its asset table does not list. */
  missing: AssetReference[]
  /** Files in the asset table nothing points at: bytes a device would download for nothing. */
  unreferenced: string[]
}

/** Every file a manifest points at, in document order (a file used twice appears twice). */
export function manifestReferences(manifest: Manifest): AssetReference[] {
  const refs: AssetReference[] = []
  manifest.modules.forEach((module, m) =>
    module.exercises.forEach((exercise, e) => {
      const at = `modules[${m}].exercises[${e}].clip`
      const { clip } = exercise
      refs.push({ sha256: clip.poster, path: `${at}.poster` })
      refs.push({ sha256: clip.hls, path: `${at}.hls` })
      clip.offline.forEach((o, i) => refs.push({ sha256: o.sha256, path: `${at}.offline[${i}]` }))
      clip.voiceTracks.forEach((v, i) =>
        refs.push({ sha256: v.sha256, path: `${at}.voiceTracks[${i}]` }),
      )
      clip.captions.forEach((c, i) => refs.push({ sha256: c.sha256, path: `${at}.captions[${i}]` }))
    }),
  )
  if (manifest.printable !== undefined) refs.push({ sha256: manifest.printable, path: 'printable' })
  return refs
}

/**
 * Whether a manifest's asset table matches what it points at exactly. The JSON Schema cannot
 * express this cross-reference, and a delivery app that trusts a signed manifest would
 * otherwise fail offline on a file it was never told to fetch.
 */
export function checkManifestAssets(manifest: Manifest): AssetCheck {
  const refs = manifestReferences(manifest)
  const listed = manifest.assets
  const missing = refs.filter((r) => !Object.hasOwn(listed, r.sha256))
  const used = new Set(refs.map((r) => r.sha256))
  const unreferenced = Object.keys(listed)
    .filter((sha) => !used.has(sha))
    .sort()
  return { ok: missing.length === 0 && unreferenced.length === 0, missing, unreferenced }
}
