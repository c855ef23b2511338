'use client'
import React from 'react'

import {
  buildPercent,
  describeBuildProgress,
  type BuildProgress,
} from '../../../domain/releases/buildProgress'

/** Live build progress, and a way to resume a build whose process stopped. */
export function Building(props: {
  progress: BuildProgress | null
  stalled: boolean
  canResume: boolean
  busy: boolean
  onResume: () => void
}) {
  const percent = buildPercent(props.progress)
  return (
    <div className="cdm-release__building">
      <div className="cdm-release__row">
        <progress max={100} value={percent} aria-label="Build progress" />
        <span data-build-phase={props.progress?.phase ?? 'queued'}>
          {describeBuildProgress(props.progress)} · {percent}%
        </span>
      </div>
      {props.stalled && (
        <p className="cdm-release__error">
          The build has made no progress for a while; the process running it may have stopped.
          Nothing has been published.{' '}
          {props.canResume && (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={props.busy}
              onClick={props.onResume}
            >
              Resume build
            </button>
          )}
        </p>
      )}
    </div>
  )
}
