'use client'
import React, { useEffect, useState } from 'react'

import { reviewApi } from './api'
import { clockTime, useVoiceRecorder } from './useVoiceRecorder'
import type { Id } from '../../../domain/refs'

/**
 * Say a comment instead of typing it: record, listen back, add a typed note if wanted, send.
 * Only the people working on this script can hear it.
 */
export function VoiceCommentRecorder(props: {
  scriptId: Id
  lineId: string | null
  run: (work: Promise<unknown>) => Promise<void>
}) {
  const { state, start, stop, discard } = useVoiceRecorder()
  const [note, setNote] = useState('')
  const [sending, setSending] = useState(false)
  const elapsed = useElapsed(state.step === 'recording' ? state.startedAt : null)

  const send = async () => {
    if (state.step !== 'recorded') return
    setSending(true)
    await props.run(
      reviewApi
        .voiceComment({ script: props.scriptId, lineId: props.lineId, note }, state.recording)
        .then(() => {
          setNote('')
          discard()
        }),
    )
    setSending(false)
  }

  return (
    <section className="cdm-review__voice" aria-labelledby="cdm-voice-heading">
      <h4 id="cdm-voice-heading">Say your comment</h4>
      <p className="cdm-review__hint" id="cdm-voice-help">
        Record what you want to say. You can listen to it before you send it. Only the people
        working on this script can hear it.
      </p>
      <p className="cdm-review__voice-status" role="status" aria-live="polite">
        {state.step === 'asking' ? 'Waiting for the microphone…' : null}
        {state.step === 'recording' ? `Recording… ${clockTime(elapsed)}` : null}
        {state.step === 'recorded'
          ? `Recorded ${clockTime(state.durationMs)}. Listen back, then send it.`
          : null}
      </p>
      {state.step === 'failed' ? (
        <p className="cdm-review__error" role="alert">
          {state.message}
        </p>
      ) : null}

      {state.step === 'idle' || state.step === 'failed' ? (
        <button
          type="button"
          className="cdm-review__play-button"
          aria-describedby="cdm-voice-help"
          onClick={() => void start()}
        >
          Record a voice comment
        </button>
      ) : null}
      {state.step === 'recording' ? (
        <button type="button" className="cdm-review__play-button" onClick={stop}>
          Stop recording
        </button>
      ) : null}
      {state.step === 'recorded' ? (
        <div className="cdm-review__voice-review">
          <audio controls src={state.url} aria-label="Your recording" />
          <label htmlFor="cdm-voice-note">Typed note (you can leave this empty)</label>
          <textarea
            id="cdm-voice-note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="cdm-review__play">
            <button
              type="button"
              className="cdm-review__play-button"
              disabled={sending}
              onClick={() => void send()}
            >
              {sending ? 'Sending…' : 'Send voice comment'}
            </button>
            <button
              type="button"
              className="cdm-review__play-button"
              disabled={sending}
              onClick={() => void start()}
            >
              Record again
            </button>
            <button
              type="button"
              className="cdm-review__play-button"
              disabled={sending}
              onClick={discard}
            >
              Throw it away
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}

/** Milliseconds since `since`, ticking each second while it is set. */
function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [since])
  // `now` may predate `since` until the first tick.
  return since === null ? 0 : Math.max(0, now - since)
}
