'use client'
import React from 'react'

import type { Preflight } from './api'
import { CoverageMatrix } from './CoverageMatrix'

const adminUrl = (collection: string, id: string) => `/admin/collections/${collection}/${id}`

/** Preflight's verdict, each problem with a link to its document, coverage and the changelog. */
export function Preflighted(props: {
  preflight: Preflight | null
  checking: boolean
  onCheck: () => void
  hasOwnChangelog: boolean
  onAdoptChangelog: (lines: string[]) => void
}) {
  const { preflight, checking } = props
  return (
    <div className="cdm-release__preflight">
      <div className="cdm-release__row">
        <strong data-preflight={preflight ? (preflight.ok ? 'ok' : 'problems') : 'checking'}>
          {checking || !preflight
            ? 'Checking…'
            : preflight.ok
              ? 'Preflight passed: everything is approved, processed and covered.'
              : `Preflight found ${preflight.problems.length} problem${preflight.problems.length === 1 ? '' : 's'}.`}
        </strong>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={props.onCheck}
          disabled={checking}
        >
          Check again
        </button>
      </div>
      {preflight && preflight.problems.length > 0 && (
        <ul className="cdm-release__problems">
          {preflight.problems.map((problem, index) => (
            <li key={index}>
              {problem.message}{' '}
              <a href={adminUrl(problem.document.collection, problem.document.id)}>
                Open {problem.document.title ?? problem.document.collection}
              </a>
            </li>
          ))}
        </ul>
      )}
      {preflight && <CoverageMatrix coverage={preflight.coverage} />}
      {preflight && preflight.changelog.length > 0 && (
        <div className="cdm-release__changelog">
          <h4>
            {preflight.previous ? `Changes since ${preflight.previous}` : 'First release: contents'}
          </h4>
          <ul>
            {preflight.changelog.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {props.hasOwnChangelog ? (
            <p className="cdm-release__hint">The changelog below is used as you wrote it.</p>
          ) : (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              onClick={() => props.onAdoptChangelog(preflight.changelog)}
            >
              Copy into the changelog to edit
            </button>
          )}
        </div>
      )}
    </div>
  )
}
