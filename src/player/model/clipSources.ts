import type { DeliveryManifest, DeliveryManifestClip } from '../../delivery-client/browser'

/**
 * Where the player's service worker serves a release's verified files, under their manifest
 * `file` names. Playlists name their files so, relative to themselves, so they resolve there.
 */
export const ASSET_PATH = '/player/a/'

export type AssetTable = DeliveryManifest['assets']

/** The URL of a release's file on the device, by its sha256. */
export const assetUrl = (assets: AssetTable, sha256: string) =>
  `${ASSET_PATH}${assets[sha256]?.file ?? sha256}`

export interface Accent {
  label: string
  tag: string
}

/** Every accent the release's clips are voiced in, once each, in order of first use. */
export function accentsOf(manifest: DeliveryManifest): Accent[] {
  const seen = new Map<string, Accent>()
  for (const part of manifest.modules)
    for (const exercise of part.exercises)
      for (const track of exercise.clip.voiceTracks)
        if (!seen.has(track.tag)) seen.set(track.tag, { label: track.label, tag: track.tag })
  return [...seen.values()]
}

/** The accents one clip has, so a switch offers only those. */
export function clipAccents(clip: DeliveryManifestClip): Accent[] {
  return clip.voiceTracks.map(({ label, tag }) => ({ label, tag }))
}

/** The clip's accent closest to the one chosen: the same tag, else the clip's first. */
export function accentFor(clip: DeliveryManifestClip, tag: string): Accent | null {
  const accents = clipAccents(clip)
  return accents.find((a) => a.tag === tag) ?? accents[0] ?? null
}

/** The offline MP4 of an accent, for browsers that play no HLS. */
export function offlineMp4For(
  clip: DeliveryManifestClip,
  assets: AssetTable,
  tag: string,
): string | null {
  const exact = clip.offline.find((o) => o.accent.tag === tag) ?? clip.offline[0]
  return exact ? assetUrl(assets, exact.sha256) : null
}

/** The caption file in the release's locale (the only one a release carries, normally). */
export function captionsFor(
  clip: DeliveryManifestClip,
  assets: AssetTable,
  locale: string,
): string | null {
  const track = clip.captions.find((c) => c.locale === locale) ?? clip.captions[0]
  return track ? assetUrl(assets, track.sha256) : null
}

/**
 * Which of an HLS player's audio tracks voices an accent: by language tag, then by name; -1
 * when none does.
 */
export function audioTrackIndex(
  tracks: readonly { lang?: string; name?: string }[],
  accent: Accent,
): number {
  const byTag = tracks.findIndex((t) => t.lang?.toLowerCase() === accent.tag.toLowerCase())
  if (byTag >= 0) return byTag
  return tracks.findIndex((t) => t.name === accent.label)
}

export type PlaybackEngine = 'hls.js' | 'native-hls' | 'mp4'

/** hls.js where Media Source Extensions exist, the browser's own HLS otherwise, else the MP4. */
export function playbackEngine(support: {
  hasMediaSource: boolean
  canPlayHlsNatively: boolean
}): PlaybackEngine {
  if (support.hasMediaSource) return 'hls.js'
  if (support.canPlayHlsNatively) return 'native-hls'
  return 'mp4'
}

/** "1:05" from seconds. */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** 10 s back, never before the start. */
export const REWIND_SECONDS = 10
export const rewoundTime = (current: number) => Math.max(0, current - REWIND_SECONDS)

export const SPEEDS = [0.75, 1] as const
