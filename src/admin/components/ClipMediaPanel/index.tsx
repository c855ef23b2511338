'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import { ProcessingBadge } from '../ProcessingCell'
import { AccentChoice } from './AccentChoice'
import './clipMediaPanel.scss'
import { derivedUrlOf } from '../../../domain/media/derivedRefs'
import { DEFAULT_LOCALE } from '../../../domain/vocabulary'
import type { ClipProcessingDetails } from '../../../payload-types'

interface Issue {
  line: number
  message: string
}

interface ClipMedia {
  processing?: {
    status?: string | null
    reason?: string | null
    progress?: number | null
    /** The media job's record (src/domain/media/clipProcessingDetails.ts). */
    details?: ClipProcessingDetails | null
  } | null
  captions?:
    | (MediaRow & {
        locale: string
        track?: { url?: string | null; filename?: string | null } | number | null
      })[]
    | null
  voiceTracks?:
    | (MediaRow & {
        accent?: { label?: string | null } | number | null
        track?: { filename?: string | null } | number | null
      })[]
    | null
  hasStaleMedia?: boolean | null
}

interface MediaRow {
  id?: string | null
  stale?: boolean | null
  staleReason?: string | null
}

const POLL_MS = 3000

async function fetchClipMedia(id: number | string): Promise<ClipMedia> {
  const response = await fetch(`/api/clips/${id}?depth=1`, { credentials: 'include' })
  if (!response.ok) throw new Error(`Could not load media status (${response.status}).`)
  return (await response.json()) as ClipMedia
}

/**
 * The clip as participants will get it: each accent's offline file with a captions toggle,
 * plus processing status, sync and caption checks. Polls while a media job is queued or running.
 */
export function ClipMediaPanel() {
  const { id } = useDocumentInfo()
  const [clip, setClip] = useState<ClipMedia | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [refreshes, setRefreshes] = useState(0)

  useEffect(() => {
    if (!id) return
    let cancelled = false
    fetchClipMedia(id).then(
      (loaded) => {
        if (cancelled) return
        setClip(loaded)
        setError(null)
      },
      (failure: Error) => {
        if (!cancelled) setError(failure.message)
      },
    )
    return () => {
      cancelled = true
    }
  }, [id, refreshes])

  const status = clip?.processing?.status
  useEffect(() => {
    if (status !== 'queued' && status !== 'processing') return
    const timer = setInterval(() => setRefreshes((n) => n + 1), POLL_MS)
    return () => clearInterval(timer)
  }, [status])

  if (!id)
    return (
      <p className="cdm-media__hint">Save the clip, then attach media to see it processed here.</p>
    )
  if (error) return <p className="cdm-media__error">{error}</p>
  if (!clip) return <p className="cdm-media__hint">Loading media…</p>

  const details = clip.processing?.details
  return (
    <section className="cdm-media" aria-label="Clip media">
      <div className="cdm-media__status">
        <strong>Media:</strong> <ProcessingBadge value={clip.processing} />
        {status === 'processing' && clip.processing?.progress != null ? (
          <progress max={100} value={clip.processing.progress} aria-label="Processing progress" />
        ) : null}
      </div>
      {clip.hasStaleMedia ? (
        <StaleMedia clip={clip} onConfirmed={() => setRefreshes((n) => n + 1)} />
      ) : null}
      {details?.offline?.length ? <PreviewPlayer clip={clip} /> : null}
      {details?.sync?.length ? (
        <ul className="cdm-media__sync" aria-label="Voice and animation sync">
          {details.sync.map((s) => (
            <li key={s.accent} data-in-sync={s.inSync}>
              {s.inSync ? '✓' : '⚠'} {s.message}
            </li>
          ))}
        </ul>
      ) : null}
      {details?.captions?.map((c) => (
        <CaptionIssues key={c.locale} locale={c.locale} errors={c.errors} warnings={c.warnings} />
      ))}
    </section>
  )
}

function PreviewPlayer({ clip }: { clip: ClipMedia }) {
  const details = clip.processing!.details!
  const accents = details.offline ?? []
  const [accentIndex, setAccentIndex] = useState(0)
  const [captionsOn, setCaptionsOn] = useState(true)
  const video = useRef<HTMLVideoElement>(null)
  const caption =
    (clip.captions ?? []).find((c) => c.locale === DEFAULT_LOCALE) ?? clip.captions?.[0]
  const captionUrl = caption && typeof caption.track === 'object' ? caption.track?.url : null

  // Switching accent keeps the place and the play state, as participants expect.
  const switchAccent = (index: number) => {
    const element = video.current
    const at = element?.currentTime ?? 0
    const wasPlaying = element ? !element.paused : false
    setAccentIndex(index)
    requestAnimationFrame(() => {
      if (!video.current) return
      video.current.currentTime = at
      if (wasPlaying) void video.current.play()
    })
  }

  useEffect(() => {
    const track = video.current?.textTracks[0]
    if (track) track.mode = captionsOn ? 'showing' : 'hidden'
  }, [captionsOn, accentIndex])

  const current = accents[accentIndex]
  return (
    <div className="cdm-player">
      <video
        ref={video}
        key={derivedUrlOf(current)}
        controls
        preload="metadata"
        poster={derivedUrlOf(details.poster)}
        src={derivedUrlOf(current)}
        data-accent={current.accentTag}
        crossOrigin="use-credentials"
      >
        {captionUrl ? (
          <track
            kind="captions"
            src={captionUrl}
            srcLang={caption!.locale}
            label="Captions"
            default={captionsOn}
          />
        ) : null}
      </video>
      <div className="cdm-player__controls">
        <AccentChoice accents={accents} chosen={accentIndex} onChoose={switchAccent} />
        {captionUrl ? (
          <button
            type="button"
            className="cdm-player__captions"
            aria-pressed={captionsOn}
            onClick={() => setCaptionsOn((on) => !on)}
          >
            Captions {captionsOn ? 'on' : 'off'}
          </button>
        ) : (
          <span className="cdm-media__hint">No captions attached.</span>
        )}
        {details.hls ? (
          <a href={derivedUrlOf(details.hls)} className="cdm-media__hint">
            HLS playlist
          </a>
        ) : null}
      </div>
    </div>
  )
}

/** Recordings made from script text that has since changed, with "still matches" for staff. */
function StaleMedia({ clip, onConfirmed }: { clip: ClipMedia; onConfirmed: () => void }) {
  const [message, setMessage] = useState<string | null>(null)
  const { id } = useDocumentInfo()
  const rows = [
    ...(clip.voiceTracks ?? []).map((row) => ({
      row,
      label: `Voice track${typeof row.accent === 'object' && row.accent?.label ? ` (${row.accent.label})` : ''}`,
    })),
    ...(clip.captions ?? []).map((row) => ({ row, label: `Captions (${row.locale})` })),
  ].filter(({ row }) => row.stale)
  const confirm = async (rowId: string) => {
    const response = await fetch(`/api/clips/${id}/confirm-media`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rowId }),
    })
    const body = (await response.json().catch(() => ({}))) as {
      message?: string
      errors?: { message: string }[]
    }
    setMessage(
      response.ok
        ? (body.message ?? 'Confirmed.')
        : (body.errors?.[0]?.message ?? 'Could not confirm.'),
    )
    if (response.ok) onConfirmed()
  }
  return (
    <div className="cdm-media__stale" role="status" aria-label="Stale media">
      <strong>Stale media: the script changed after these were recorded</strong>
      <ul>
        {rows.map(({ row, label }) => (
          <li key={row.id ?? label} data-stale-row={row.id ?? ''}>
            {label}: {row.staleReason ?? 'recorded from earlier script text'}{' '}
            {row.id ? (
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                onClick={() => void confirm(row.id!)}
              >
                Still matches
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {message ? <p className="cdm-media__hint">{message}</p> : null}
    </div>
  )
}

function CaptionIssues({
  locale,
  errors,
  warnings,
}: {
  locale: string
  errors: Issue[]
  warnings: Issue[]
}) {
  if (errors.length === 0 && warnings.length === 0)
    return <p className="cdm-media__hint">Captions ({locale}): no problems found.</p>
  return (
    <div className="cdm-media__captions" aria-label={`Caption checks (${locale})`}>
      <strong>Captions ({locale})</strong>
      <ul>
        {errors.map((e, i) => (
          <li key={`e${i}`} className="cdm-media__error">
            Error, line {e.line}: {e.message}
          </li>
        ))}
        {warnings.map((w, i) => (
          <li key={`w${i}`} className="cdm-media__warning">
            Warning, line {w.line}: {w.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
