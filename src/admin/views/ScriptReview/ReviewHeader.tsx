'use client'
import React from 'react'

import type { ReviewState } from './api'
import { ReviewActions } from './ReviewActions'
import { READING_BAND_LABELS, readingBand } from '../../../domain/readability/readingBand'

/** The script's title, status, reviewers and approvals, its readability, and the actions. */
export function ReviewHeader(props: {
  state: ReviewState
  error: string | null
  onDone: () => void
  onError: (message: string) => void
}) {
  const { state, error } = props
  const { script, readability } = state
  return (
    <header className="cdm-review__header">
      <h2>{script.title}</h2>
      <p>
        Clip: {script.clipTitle ?? '—'} · Status:{' '}
        <strong data-review-status={script.status}>{script.statusLabel}</strong>
        {state.reviewers.length
          ? ` · Reviewers: ${state.reviewers.map((r) => r.displayName).join(', ')}`
          : ''}
      </p>
      {state.approvals.some((a) => a.current) ? (
        <p className="cdm-review__approvals">
          Approved by{' '}
          {state.approvals
            .filter((a) => a.current)
            .map((a) => a.displayName)
            .join(' and ')}
        </p>
      ) : null}
      <ReadingSummary readability={readability} />
      {error ? (
        <p className="cdm-review__error" role="alert">
          {error}
        </p>
      ) : null}
      <ReviewActions state={state} onDone={props.onDone} onError={props.onError} />
    </header>
  )
}

/** How easy the script is to read, in words; the Flesch numbers only when asked for. */
function ReadingSummary({ readability }: { readability: ReviewState['readability'] }) {
  const { overall, worksheet, threshold } = readability
  const band = readingBand(overall, threshold)
  return (
    <div className="cdm-review__reading" data-reading-band={band}>
      <p>
        Reading: <strong>{READING_BAND_LABELS[band]}</strong>
        {worksheet
          ? ` · Worksheet: ${READING_BAND_LABELS[readingBand(worksheet, threshold)]}`
          : null}
      </p>
      <details>
        <summary>Show the numbers</summary>
        <p className="cdm-review__hint">
          Reading ease {overall.fleschReadingEase} (aim for {threshold} or more),{' '}
          {overall.wordsPerSentence} words per sentence
          {worksheet ? `; worksheet ${worksheet.fleschReadingEase}` : ''}.
        </p>
      </details>
    </div>
  )
}
