import type { Accent, Clip, VoiceTrack } from '../../payload-types'
import { type DerivedRef, derivedUrlOf } from '../media/derivedRefs'

/** What the review tab can play of a script's clip: its voices, and the clip in each accent. */
export interface ReviewMedia {
  /** How long the clip runs; the lines' timings are spread over it. Null until processed. */
  durationMs: number | null
  poster: string | null
  /** One loudness-normalised recording per accent that has one. */
  voices: { accentTag: string; accentLabel: string; url: string; stale: boolean }[]
  /** The clip with its voice, one MP4 per accent (what plays offline). */
  videos: { accentTag: string; url: string }[]
}

export const NO_REVIEW_MEDIA: ReviewMedia = {
  durationMs: null,
  poster: null,
  voices: [],
  videos: [],
}

const populated = <T extends object>(value: unknown): T | null =>
  typeof value === 'object' && value !== null ? (value as T) : null

/**
 * The playable media of a clip read at depth 1 (its voice tracks and accents populated), as the
 * person reviewing may read it: a voice track they cannot read is simply not offered.
 */
export function reviewMediaOf(clip: Pick<Clip, 'processing' | 'voiceTracks'> | null): ReviewMedia {
  if (!clip || clip.processing?.status !== 'ready') return NO_REVIEW_MEDIA
  const details = clip.processing.details
  const voices = (clip.voiceTracks ?? []).flatMap((row) => {
    const track = populated<VoiceTrack>(row.track)
    const accent = populated<Accent>(row.accent)
    const normalised = (track?.processing?.details as { normalised?: DerivedRef } | null)
      ?.normalised
    if (!accent || !normalised) return []
    return [
      {
        accentTag: accent.tag,
        accentLabel: accent.label ?? accent.tag,
        url: derivedUrlOf(normalised),
        stale: row.stale === true,
      },
    ]
  })
  return {
    durationMs: clip.processing.durationMs ?? null,
    poster: details?.poster ? derivedUrlOf(details.poster) : null,
    voices,
    videos: (details?.offline ?? []).map((entry) => ({
      accentTag: entry.accentTag,
      url: derivedUrlOf(entry),
    })),
  }
}
