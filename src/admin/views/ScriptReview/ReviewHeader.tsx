'use client'
import React from 'react'

import type { ReviewState } from './api'
import { ReviewActions } from './ReviewActions'

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
      <p className="cdm-review__hint">
        Reading ease {readability.overall.fleschReadingEase} (aim for {readability.threshold} or
        more), {readability.overall.wordsPerSentence} words per sentence
        {readability.worksheet ? `; worksheet ${readability.worksheet.fleschReadingEase}` : ''}.
      </p>
      {error ? (
        <p className="cdm-review__error" role="alert">
          {error}
        </p>
      ) : null}
      <ReviewActions state={state} onDone={props.onDone} onError={props.onError} />
    </header>
  )
}
