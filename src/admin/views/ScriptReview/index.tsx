'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'

import { reviewApi, type ReviewState } from './api'
import { CommentsSidebar } from './CommentsSidebar'
import { ReviewHeader } from './ReviewHeader'
import { ReviewMedia } from './ReviewMedia'
import { ScriptLines } from './ScriptLines'
import { useLinePlayback } from './useLinePlayback'
import { VersionDiff } from './VersionDiff'
import './scriptReview.scss'
import { NO_REVIEW_MEDIA } from '../../../domain/scripts/reviewMedia'

/**
 * The review tab of a script: the clip and each line to watch or listen to, scenes and lines
 * with speakers, comments anchored to lines, the review actions this person may take,
 * readability, and a diff between versions.
 */
export function ScriptReviewView() {
  const { id } = useDocumentInfo()
  const [state, setState] = useState<ReviewState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [selectedLine, setSelectedLine] = useState<string | null>(null)
  const [reloads, setReloads] = useState(0)
  const reload = () => setReloads((n) => n + 1)

  useEffect(() => {
    if (id == null) return
    let cancelled = false
    reviewApi.state(id).then(
      (loaded) => !cancelled && (setState(loaded), setError(null)),
      (failure: Error) => !cancelled && setError(failure.message),
    )
    return () => {
      cancelled = true
    }
  }, [id, reloads])

  const scores = useMemo(
    () => new Map(state?.readability.lines.map((l) => [l.lineId, l]) ?? []),
    [state],
  )
  const lines = useMemo(() => state?.script.scenes.flatMap((s) => s.lines) ?? [], [state])
  const { audioRef, videoRef, playback } = useLinePlayback(state?.media ?? NO_REVIEW_MEDIA, lines)
  if (id == null) return null
  if (error && !state)
    return (
      <p className="cdm-review__error" role="alert">
        {error}
      </p>
    )
  if (!state) return <p className="cdm-review__hint">Loading the script…</p>

  const commentCount = (lineId: string) =>
    state.comments.filter((c) => c.lineId === lineId && c.parent == null).length
  const { script } = state
  return (
    <div className="cdm-review">
      <ReviewHeader state={state} error={error} onDone={reload} onError={setError} />

      <ReviewMedia
        media={state.media}
        playback={playback}
        audioRef={audioRef}
        videoRef={videoRef}
      />

      <div className="cdm-review__body">
        <ScriptLines
          scenes={script.scenes}
          scores={scores}
          threshold={state.readability.threshold}
          commentCount={commentCount}
          selectedLine={selectedLine}
          onSelect={setSelectedLine}
          playback={playback}
        />

        <CommentsSidebar
          scriptId={script.id}
          lineId={selectedLine}
          line={
            script.scenes.flatMap((s) => s.lines).find((l) => l.lineId === selectedLine) ?? null
          }
          comments={state.comments}
          onChanged={reload}
          onError={setError}
          onShowScript={() => setSelectedLine(null)}
        />
      </div>

      <VersionDiff scriptId={script.id} versions={state.versions} />
    </div>
  )
}
