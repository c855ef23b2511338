'use client'
import React, { useState } from 'react'

import { reviewApi, type ReviewComment } from './api'
import { clockTime } from './useVoiceRecorder'
import { VoiceCommentRecorder } from './VoiceCommentRecorder'
import type { Id } from '../../../domain/refs'

type Run = (work: Promise<unknown>) => Promise<void>

/** The comments on the chosen line, or on the whole script, with replies and a new comment. */
export function CommentsSidebar(props: {
  scriptId: Id
  lineId: string | null
  line: { speaker: string; text: string } | null
  comments: ReviewComment[]
  onChanged: () => void
  onError: (message: string) => void
  onShowScript: () => void
}) {
  const threads = props.comments.filter((c) => c.lineId === props.lineId && c.parent == null)
  const run: Run = (work) => work.then(props.onChanged, (e: Error) => props.onError(e.message))

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
        <CommentThread
          key={comment.id}
          comment={comment}
          replies={props.comments.filter((c) => c.parent === comment.id)}
          scriptId={props.scriptId}
          run={run}
        />
      ))}
      <NewCommentForm scriptId={props.scriptId} lineId={props.lineId} run={run} />
      <VoiceCommentRecorder scriptId={props.scriptId} lineId={props.lineId} run={run} />
    </aside>
  )
}

/** A comment with its replies; it can be resolved, reopened and replied to. */
function CommentThread({
  comment,
  replies,
  scriptId,
  run,
}: {
  comment: ReviewComment
  replies: ReviewComment[]
  scriptId: Id
  run: Run
}) {
  return (
    <article
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
      {comment.voice ? (
        <p className="cdm-review__voice-comment">
          <audio
            controls
            preload="none"
            src={comment.voice.url}
            aria-label={`Voice comment from ${comment.author}${comment.voice.durationMs ? `, ${clockTime(comment.voice.durationMs)} long` : ''}`}
          />
        </p>
      ) : null}
      {comment.body ? <p>{comment.body}</p> : null}
      {replies.map((reply) => (
        <p key={reply.id} className="cdm-review__reply">
          <strong>{reply.author}:</strong> {reply.body}
        </p>
      ))}
      <div className="cdm-review__comment-actions">
        <button type="button" onClick={() => run(reviewApi.resolve(comment.id, !comment.resolved))}>
          {comment.resolved ? 'Reopen' : 'Resolve'}
        </button>
        <ReplyBox
          onReply={(body) => run(reviewApi.comment({ script: scriptId, body, parent: comment.id }))}
        />
      </div>
    </article>
  )
}

/** A new comment on the chosen line, or on the whole script when no line is chosen. */
function NewCommentForm(props: { scriptId: Id; lineId: string | null; run: Run }) {
  const [draft, setDraft] = useState('')
  return (
    <form
      className="cdm-review__new-comment"
      onSubmit={(event) => {
        event.preventDefault()
        if (!draft.trim()) return
        void props
          .run(
            reviewApi.comment({ script: props.scriptId, lineId: props.lineId, body: draft.trim() }),
          )
          .then(() => setDraft(''))
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
