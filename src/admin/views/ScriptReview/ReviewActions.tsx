'use client'
import React, { useState } from 'react'

import { reviewApi, type ReviewState } from './api'

const LABELS: Record<string, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  requestChanges: 'Request changes',
  returnToDraft: 'Return to draft',
}

/** Only the actions this person may take now; the server decides again on every click. */
export function ReviewActions(props: {
  state: ReviewState
  onDone: () => void
  onError: (message: string) => void
}) {
  const { state } = props
  const [choosing, setChoosing] = useState(false)
  const [reviewers, setReviewers] = useState<string[]>(() => state.reviewers.map((r) => r.id))
  const [busy, setBusy] = useState(false)
  const actions = state.allowedActions.filter((a) => a in LABELS)
  if (actions.length === 0)
    return <p className="cdm-review__hint">No review actions for you at this stage.</p>

  const act = async (action: string) => {
    setBusy(true)
    try {
      await reviewApi.act(state.script.id, action, action === 'submit' ? reviewers : undefined)
      setChoosing(false)
      props.onDone()
    } catch (error) {
      props.onError((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="cdm-review__actions">
      {actions.map((action) =>
        action === 'submit' && !choosing ? (
          <button
            key={action}
            type="button"
            className="btn btn--style-primary btn--size-small"
            onClick={() => setChoosing(true)}
          >
            {LABELS[action]}
          </button>
        ) : action === 'submit' ? null : (
          <button
            key={action}
            type="button"
            disabled={busy}
            className="btn btn--style-secondary btn--size-small"
            onClick={() => act(action)}
          >
            {LABELS[action]}
          </button>
        ),
      )}
      {choosing ? (
        <ReviewerChooser
          candidates={state.candidates}
          reviewers={reviewers}
          onChange={setReviewers}
          busy={busy}
          onSend={() => act('submit')}
        />
      ) : null}
    </div>
  )
}

/** Submitting asks who reviews: the people already chosen are ticked. */
function ReviewerChooser(props: {
  candidates: ReviewState['candidates']
  reviewers: string[]
  onChange: (update: (current: string[]) => string[]) => void
  busy: boolean
  onSend: () => void
}) {
  return (
    <fieldset className="cdm-review__reviewers">
      <legend>Choose reviewers: at least one co-producer and one designer</legend>
      {props.candidates.map((person) => (
        <label key={person.id}>
          <input
            type="checkbox"
            checked={props.reviewers.includes(String(person.id))}
            onChange={(e) =>
              props.onChange((current) =>
                e.target.checked
                  ? [...current, String(person.id)]
                  : current.filter((id) => id !== String(person.id)),
              )
            }
          />{' '}
          {person.displayName} ({person.role === 'coProducer' ? 'co-producer' : person.role})
        </label>
      ))}
      <button
        type="button"
        disabled={props.busy}
        className="btn btn--style-primary btn--size-small"
        onClick={props.onSend}
      >
        Send for review
      </button>
    </fieldset>
  )
}
