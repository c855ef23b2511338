import { lowDataVariant, mediaPlaylistFiles, parseMultivariant, shaOfUri } from './hlsPlaylist'
import type { DeliveryManifest } from '../../delivery-client/browser'

/** A playlist's sha256 and its text. */
export type PlaylistTexts = ReadonlyMap<string, string>

/** The sha256 of every playlist in the release: each clip's multivariant and its media ones. */
export function multivariantShas(manifest: DeliveryManifest): string[] {
  return [...new Set(manifest.modules.flatMap((m) => m.exercises.map((e) => e.clip.hls)))]
}

export interface DownloadPlan {
  /** sha256 of every file to download, in the manifest's order. */
  files: string[]
  bytes: number
}

/**
 * What a device downloads. In full, every asset. With low data, the 360p picture only: the
 * other video variants' playlists and segments, and the offline MP4s (full-size pictures, the
 * fallback for browsers without HLS), are left out.
 */
export function downloadPlan(options: {
  manifest: DeliveryManifest
  playlists: PlaylistTexts
  lowData: boolean
}): DownloadPlan {
  const { manifest } = options
  const skipped = new Set<string>()
  if (options.lowData) {
    for (const part of manifest.modules)
      for (const exercise of part.exercises)
        for (const offline of exercise.clip.offline) skipped.add(offline.sha256)
    for (const master of multivariantShas(manifest)) {
      const text = options.playlists.get(master)
      if (!text) continue
      const { variants, renditions } = parseMultivariant(text)
      const kept = lowDataVariant(variants)
      const keptFiles = new Set<string>()
      const keep = (uri: string) => {
        keptFiles.add(shaOfUri(uri))
        for (const file of mediaPlaylistFiles(options.playlists.get(shaOfUri(uri)) ?? ''))
          keptFiles.add(shaOfUri(file))
      }
      if (kept) keep(kept.uri)
      for (const rendition of renditions) if (rendition.uri) keep(rendition.uri)
      for (const variant of variants) {
        if (variant === kept) continue
        skipped.add(shaOfUri(variant.uri))
        for (const file of mediaPlaylistFiles(options.playlists.get(shaOfUri(variant.uri)) ?? ''))
          if (!keptFiles.has(shaOfUri(file))) skipped.add(shaOfUri(file))
      }
    }
  }
  const files = Object.keys(manifest.assets).filter((sha) => !skipped.has(sha))
  return { files, bytes: files.reduce((sum, sha) => sum + manifest.assets[sha].bytes, 0) }
}

/** A size for people: "850 KB", "12.4 MB", with the locale's decimal mark. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['bytes', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`
}
