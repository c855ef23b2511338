import type { Manifest } from '../../src/domain/manifest/types'

/** Where each asset of a manifest is used, e.g. "first-meeting captions (en-GB)". */
export function assetUses(manifest: Manifest): Map<string, string[]> {
  const uses = new Map<string, string[]>()
  const add = (sha: string, what: string) => uses.set(sha, [...(uses.get(sha) ?? []), what])
  for (const section of manifest.modules) {
    for (const exercise of section.exercises) {
      const { clip } = exercise
      add(clip.poster, `${clip.slug} poster`)
      add(clip.hls, `${clip.slug} HLS playlist`)
      for (const o of clip.offline) add(o.sha256, `${clip.slug} offline MP4 (${o.accent.tag})`)
      for (const v of clip.voiceTracks) add(v.sha256, `${clip.slug} voice (${v.tag})`)
      for (const c of clip.captions) add(c.sha256, `${clip.slug} captions (${c.locale})`)
    }
  }
  return uses
}

/** Which parts of two manifests differ, e.g. "release.version" or "modules". */
export function manifestDifferences(a: Manifest, b: Manifest): string[] {
  const parts = (m: Manifest): Record<string, unknown> => ({
    ...Object.fromEntries(Object.entries(m.release).map(([k, v]) => [`release.${k}`, v])),
    schema: m.schema,
    toolkit: m.toolkit,
    audience: m.audience,
    locale: m.locale,
    modules: m.modules,
    assets: m.assets,
  })
  const before = parts(a)
  const after = parts(b)
  return Object.keys(after).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
}
