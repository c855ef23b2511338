'use client'
import React, { useState } from 'react'

import { reviewApi, type DiffResponse, type ReviewState } from './api'
import type { Id } from '../../../domain/refs'

/** Line-level changes between any two saved versions of the script. */
export function VersionDiff(props: { scriptId: Id; versions: ReviewState['versions'] }) {
  const [from, setFrom] = useState(props.versions[1]?.id ?? props.versions[0]?.id ?? '')
  const [to, setTo] = useState('latest')
  const [diff, setDiff] = useState<DiffResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (props.versions.length === 0) return null
  const label = (v: ReviewState['versions'][number]) =>
    `${new Date(v.updatedAt).toLocaleString('en-GB')}${v.status ? ` (${v.status})` : ''}`

  return (
    <section className="cdm-review__diff" aria-label="Compare versions">
      <h3>Compare versions</h3>
      <label>
        From{' '}
        <select value={from} onChange={(e) => setFrom(e.target.value)}>
          {props.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {label(v)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        to{' '}
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="latest">Latest</option>
          {props.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {label(v)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={() =>
          reviewApi.diff(props.scriptId, from, to).then(setDiff, (e: Error) => setError(e.message))
        }
      >
        Compare
      </button>
      {error ? <p className="cdm-review__error">{error}</p> : null}
      {diff ? (
        <>
          <p className="cdm-review__hint">
            {Object.entries(diff.summary)
              .filter(([kind]) => kind !== 'unchanged')
              .map(([kind, n]) => `${n} ${kind}`)
              .join(', ')}
          </p>
          <ul className="cdm-review__diff-list">
            {diff.entries.map((entry, index) =>
              entry.kind === 'changed' || entry.kind === 'moved' ? (
                <li key={index} data-kind={entry.kind}>
                  <del>
                    {entry.before.speaker}: {entry.before.text}
                  </del>
                  <ins>
                    {entry.after.speaker}: {entry.after.text}
                  </ins>
                </li>
              ) : 'line' in entry ? (
                <li key={index} data-kind={entry.kind}>
                  {entry.line.speaker}: {entry.line.text}
                </li>
              ) : null,
            )}
          </ul>
        </>
      ) : null}
    </section>
  )
}
