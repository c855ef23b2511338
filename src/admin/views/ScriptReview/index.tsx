'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'

import { reviewApi, type ReviewComment, type ReviewState } from './api'
import { ReviewActions } from './ReviewActions'
import { VersionDiff } from './VersionDiff'
import './scriptReview.scss'

/**
 * The review tab of a script: scenes and lines with speakers, comments anchored to lines,
 * the review actions this person may take, readability, and a diff between versions.
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
  if (id == null) return null
  if (error && !state)
    return (
      <p className="cdm-review__error" role="alert">
        {error}
      </p>
    )
  if (!state) return <p className="cdm-review__hint">Loading the script…</p>

  const commentsOn = (lineId: string | null) =>
    state.comments.filter((c) => c.lineId === lineId && c.parent == null)
  const { script, readability } = state
  return (
    <div className="cdm-review">
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
        <ReviewActions state={state} onDone={reload} onError={setError} />
      </header>

      <div className="cdm-review__body">
        <ol className="cdm-review__script">
          {script.scenes.map((scene, sceneIndex) => (
            <li key={sceneIndex} className="cdm-review__scene">
              <h3>{scene.heading || `Scene ${sceneIndex + 1}`}</h3>
              <ul>
                {scene.lines.map((line) => {
                  const score = scores.get(line.lineId)
                  const count = commentsOn(line.lineId).length
                  return (
                    <li
                      key={line.lineId}
                      data-line-id={line.lineId}
                      className={`cdm-review__line${selectedLine === line.lineId ? ' is-selected' : ''}`}
                    >
                      <button
                        type="button"
                        className="cdm-review__line-button"
                        onClick={() => setSelectedLine(line.lineId)}
                      >
                        <span className="cdm-review__speaker">{line.speaker}</span>
                        {line.direction ? (
                          <em className="cdm-review__direction"> ({line.direction})</em>
                        ) : null}
                        <span className="cdm-review__text">{line.text}</span>
                      </button>
                      <span className="cdm-review__meta">
                        {score?.isHard ? (
                          <span
                            className="cdm-review__hard"
                            title={`Reading ease ${score.fleschReadingEase}`}
                          >
                            Hard to read ({score.fleschReadingEase})
                          </span>
                        ) : null}
                        {count ? (
                          <span className="cdm-review__count">
                            {count} comment{count > 1 ? 's' : ''}
                          </span>
                        ) : null}
                      </span>
                    </li>
                  )
                })}
              </ul>
            </li>
          ))}
        </ol>

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

function CommentsSidebar(props: {
  scriptId: number
  lineId: string | null
  line: { speaker: string; text: string } | null
  comments: ReviewComment[]
  onChanged: () => void
  onError: (message: string) => void
  onShowScript: () => void
}) {
  const [draft, setDraft] = useState('')
  const threads = props.comments.filter((c) => c.lineId === props.lineId && c.parent == null)
  const repliesTo = (id: number) => props.comments.filter((c) => c.parent === id)
  const run = (work: Promise<unknown>) =>
    work.then(props.onChanged, (e: Error) => props.onError(e.message))

  return (
    <aside className="cdm-review__comments" aria-label="Comments">
      <h3>
        {props.line ? `Comments on ${props.line.speaker}'s line` : 'Comments on the whole script'}
      </h3>
      {props.line ? (
        <>
          <blockquote>{props.line.text}</blockquote>
          <button type="button" className="cdm-review__link" onClick={props.onShowScript}>
            Show whole-script comments
          </button>
        </>
      ) : (
        <p className="cdm-review__hint">Choose a line to comment on it.</p>
      )}
      {threads.length === 0 ? <p className="cdm-review__hint">No comments yet.</p> : null}
      {threads.map((comment) => (
        <article
          key={comment.id}
          className={`cdm-review__comment${comment.resolved ? ' is-resolved' : ''}`}
          data-comment-id={comment.id}
        >
          <p className="cdm-review__comment-author">
            {comment.author} · {new Date(comment.createdAt).toLocaleString('en-GB')}
            {comment.resolved ? ' · resolved' : ''}
          </p>
          {comment.lineChanged ? (
            <p className="cdm-review__hint">Made on earlier words: “{comment.quotedText}”</p>
          ) : null}
          <p>{comment.body}</p>
          {repliesTo(comment.id).map((reply) => (
            <p key={reply.id} className="cdm-review__reply">
              <strong>{reply.author}:</strong> {reply.body}
            </p>
          ))}
          <div className="cdm-review__comment-actions">
            <button
              type="button"
              onClick={() => run(reviewApi.resolve(comment.id, !comment.resolved))}
            >
              {comment.resolved ? 'Reopen' : 'Resolve'}
            </button>
            <ReplyBox
              onReply={(body) =>
                run(reviewApi.comment({ script: props.scriptId, body, parent: comment.id }))
              }
            />
          </div>
        </article>
      ))}
      <form
        className="cdm-review__new-comment"
        onSubmit={(event) => {
          event.preventDefault()
          if (!draft.trim()) return
          void run(
            reviewApi.comment({ script: props.scriptId, lineId: props.lineId, body: draft.trim() }),
          ).then(() => setDraft(''))
        }}
      >
        <label htmlFor="cdm-new-comment">Add a comment</label>
        <textarea
          id="cdm-new-comment"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          rows={3}
        />
        <button type="submit" className="btn btn--style-primary btn--size-small">
          Comment
        </button>
      </form>
    </aside>
  )
}

function ReplyBox({ onReply }: { onReply: (body: string) => void }) {
  const [open, setOpen] = useState(false)
  const [body, setBody] = useState('')
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Reply
      </button>
    )
  }
  return (
    <span className="cdm-review__reply-box">
      <input aria-label="Reply" value={body} onChange={(e) => setBody(e.target.value)} />
      <button
        type="button"
        onClick={() => {
          if (body.trim()) onReply(body.trim())
          setBody('')
          setOpen(false)
        }}
      >
        Send
      </button>
    </span>
  )
}
