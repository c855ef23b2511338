'use client'
import React, { type RefObject } from 'react'

import type { ReviewState } from './api'
import type { LinePlayback } from './useLinePlayback'

/**
 * The clip inside the review, in the chosen accent, and the hidden voice player the lines'
 * Listen buttons use. Choosing the accent changes both.
 */
export function ReviewMedia(props: {
  media: ReviewState['media']
  playback: LinePlayback
  audioRef: RefObject<HTMLAudioElement | null>
  videoRef: RefObject<HTMLVideoElement | null>
}) {
  const { media, playback, audioRef, videoRef } = props
  const labels = new Map(media.voices.map((v) => [v.accentTag, v.accentLabel]))
  for (const v of media.videos) if (!labels.has(v.accentTag)) labels.set(v.accentTag, v.accentTag)
  const accents = [...labels]
  return (
    <section className="cdm-review__media" aria-labelledby="cdm-review-media-title">
      <h3 id="cdm-review-media-title">Watch and listen</h3>
      {accents.length > 1 && (
        <p>
          <label htmlFor="cdm-review-accent">Voice accent</label>{' '}
          <select
            id="cdm-review-accent"
            value={playback.accentTag}
            onChange={(e) => playback.setAccentTag(e.target.value)}
          >
            {accents.map(([tag, label]) => (
              <option key={tag} value={tag}>
                {label}
              </option>
            ))}
          </select>
        </p>
      )}
      {playback.clip ? (
        <video
          ref={videoRef}
          key={playback.clip.url}
          src={playback.clip.url}
          poster={media.poster ?? undefined}
          controls
          preload="metadata"
          crossOrigin="use-credentials"
          onTimeUpdate={playback.onVideoTime}
          onPause={playback.onVideoPause}
          aria-label="The clip"
        />
      ) : (
        <p className="cdm-review__hint">
          The clip has not been made yet. You can still listen to each line.
        </p>
      )}
      {!playback.voice && (
        <p className="cdm-review__hint">
          {playback.canSpeak
            ? 'No voice is recorded yet: "Read aloud" uses a computer voice.'
            : 'No voice is recorded yet.'}
        </p>
      )}
      <audio
        ref={audioRef}
        preload="none"
        crossOrigin="use-credentials"
        onTimeUpdate={playback.onAudioTime}
        onEnded={playback.stop}
        data-voice-player
      />
    </section>
  )
}
