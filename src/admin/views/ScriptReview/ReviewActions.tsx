'use client'
import React, { useState } from 'react'

import { reviewApi, type ReviewState } from './api'

const LABELS: Record<string, string> = {
  submit: 'Submit for review',
  approve: 'Approve this script',
  requestChanges: 'Ask for changes',
  returnToDraft: 'Return to draft',
}

/** What happens next, in one sentence under each button: nobody should have to guess. */
const NEXT: Record<string, string> = {
  submit: 'You choose who reads it. They are told, and each approves it or asks for changes.',
  approve:
    'You agree with these words. Once a co-producer and a designer have both approved, the script is ready to record.',
  requestChanges:
    'The script goes back to the people writing it, with your comments. You will be asked to read it again.',
  returnToDraft: 'The script can be changed again, then sent for review again.',
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
        action === 'submit' && choosing ? null : (
          <div key={action} className="cdm-review__action">
            <button
              type="button"
              disabled={action !== 'submit' && busy}
              aria-describedby={`cdm-review-next-${action}`}
              className={`btn btn--size-medium ${action === 'submit' || action === 'approve' ? 'btn--style-primary' : 'btn--style-secondary'}`}
              onClick={() => (action === 'submit' ? setChoosing(true) : act(action))}
            >
              {LABELS[action]}
            </button>
            <p id={`cdm-review-next-${action}`} className="cdm-review__next">
              {NEXT[action]}
            </p>
          </div>
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
