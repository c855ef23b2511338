'use client'
import { useAuth, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import { formatBytes } from '../../../domain/media/uploadRules'
import {
  buildPercent,
  describeBuildProgress,
  isBuildStalled,
  type BuildProgress,
} from '../../../domain/releases/buildProgress'
import type { PreflightResult } from '../../../domain/releases/preflight'
import type { OutputSummary } from '../../../domain/releases/summary'
import { CoverageMatrix } from './CoverageMatrix'
import './releasePanel.scss'

interface ReleaseDoc {
  id: number
  version: string
  status: 'draft' | 'building' | 'published' | 'failed' | 'withdrawn'
  failureReason?: string | null
  withdrawnReason?: string | null
  publishedAt?: string | null
  changelog?: { line: string }[] | null
  build?: BuildProgress | null
  updatedAt: string
}

type Preflight = PreflightResult & { previous: string | null; changelog: string[] }

const POLL_MS = 1500

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'include',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as T & {
    errors?: { message: string }[]
  }
  if (!response.ok)
    throw new Error(json.errors?.[0]?.message ?? `Request failed (${response.status})`)
  return json
}

const adminUrl = (collection: string, id: string) => `/admin/collections/${collection}/${id}`

/**
 * The publisher's view of a release: preflight with the audience × exercise coverage matrix,
 * the generated changelog, publishing with live build progress, then the signed outputs with
 * their sizes, downloads and deltas, and withdrawal.
 */
export function ReleasePanel() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const modified = useFormModified()
  const canPublish = ['admin', 'publisher'].includes((user as { role?: string } | null)?.role ?? '')
  const [release, setRelease] = useState<ReleaseDoc | null>(null)
  const [refreshes, setRefreshes] = useState(0)
  const [preflight, setPreflight] = useState<{ run: number; result: Preflight } | null>(null)
  const [preflightRuns, setPreflightRuns] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const lastStatus = useRef<string | null>(null)

  useEffect(() => {
    if (id == null) return
    let cancelled = false
    call<ReleaseDoc>('GET', `/api/releases/${id}?depth=0`).then(
      (loaded) => {
        if (cancelled) return
        // The form around this panel still holds the old status: reload it once a build ends.
        if (lastStatus.current === 'building' && loaded.status !== 'building')
          window.location.reload()
        lastStatus.current = loaded.status
        setRelease(loaded)
      },
      (failure: Error) => !cancelled && setError(failure.message),
    )
    return () => {
      cancelled = true
    }
  }, [id, refreshes])

  const status = release?.status
  const needsPreflight = status === 'draft' || status === 'failed'
  useEffect(() => {
    if (id == null || !needsPreflight) return
    let cancelled = false
    call<Preflight>('POST', `/api/releases/${id}/preflight`).then(
      (result) => !cancelled && setPreflight({ run: preflightRuns, result }),
      (failure: Error) => !cancelled && setError(failure.message),
    )
    return () => {
      cancelled = true
    }
  }, [id, needsPreflight, preflightRuns])
  const checking = needsPreflight && preflight?.run !== preflightRuns

  useEffect(() => {
    if (status !== 'building') return
    const timer = setInterval(() => setRefreshes((n) => n + 1), POLL_MS)
    return () => clearInterval(timer)
  }, [status])

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await run()
      setRefreshes((n) => n + 1)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  if (id == null) {
    return (
      <section className="cdm-release">
        <p className="cdm-release__hint">
          Choose the toolkit, audiences, locales and accents, give the version, and save the draft.
          Preflight then checks everything the release would contain.
        </p>
      </section>
    )
  }
  if (!release) return <section className="cdm-release">{error ?? 'Loading…'}</section>

  return (
    <section className="cdm-release" data-release-status={release.status}>
      <h3 className="cdm-release__title">
        Release {release.version} <span className="cdm-release__status">{release.status}</span>
      </h3>
      {error && (
        <p className="cdm-release__error" role="alert">
          {error}
        </p>
      )}
      {release.status === 'failed' && release.failureReason && (
        <p className="cdm-release__error">The last build failed: {release.failureReason}</p>
      )}

      {(release.status === 'draft' || release.status === 'failed') && (
        <>
          <Preflighted
            preflight={preflight?.result ?? null}
            checking={checking}
            onCheck={() => setPreflightRuns((n) => n + 1)}
            hasOwnChangelog={(release.changelog?.length ?? 0) > 0}
            onAdoptChangelog={(lines) =>
              act(async () => {
                await call('PATCH', `/api/releases/${id}`, {
                  changelog: lines.map((line) => ({ line })),
                })
                window.location.reload()
              })
            }
          />
          {canPublish && (
            <div className="cdm-release__actions">
              <button
                type="button"
                className="btn btn--style-primary"
                disabled={busy || checking || modified || !preflight?.result.ok}
                onClick={() => act(() => call('POST', `/api/releases/${id}/publish`))}
              >
                Publish {release.version}
              </button>
              {modified && <span className="cdm-release__hint">Save your changes first.</span>}
              {!modified && preflight && !preflight.result.ok && (
                <span className="cdm-release__hint">Fix the problems above to publish.</span>
              )}
            </div>
          )}
        </>
      )}

      {release.status === 'building' && (
        <Building
          progress={release.build ?? null}
          stalled={isBuildStalled(release, new Date())}
          canResume={canPublish}
          busy={busy}
          onResume={() => act(() => call('POST', `/api/releases/${id}/publish`))}
        />
      )}

      {(release.status === 'published' || release.status === 'withdrawn') && (
        <Published
          release={release}
          canWithdraw={canPublish && release.status === 'published'}
          busy={busy}
          onWithdraw={(reason) =>
            act(async () => {
              await call('POST', `/api/releases/${id}/withdraw`, { reason })
              window.location.reload()
            })
          }
        />
      )}
    </section>
  )
}

function Preflighted(props: {
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

function Building(props: {
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

function Published(props: {
  release: ReleaseDoc
  canWithdraw: boolean
  busy: boolean
  onWithdraw: (reason: string) => void
}) {
  const { release } = props
  const [outputs, setOutputs] = useState<OutputSummary[] | null>(null)
  const [reason, setReason] = useState('')
  useEffect(() => {
    call<{ outputs: OutputSummary[] }>('GET', `/api/releases/${release.id}/summary`)
      .then((summary) => setOutputs(summary.outputs))
      .catch(() => setOutputs([]))
  }, [release.id])
  const download = (o: OutputSummary, file: string) =>
    `/api/releases/${release.id}/download?audience=${encodeURIComponent(o.audience)}&locale=${encodeURIComponent(o.locale)}&file=${file}`

  return (
    <div className="cdm-release__published">
      {release.status === 'withdrawn' ? (
        <p className="cdm-release__error">Withdrawn: {release.withdrawnReason}</p>
      ) : (
        <p>
          Published {release.publishedAt ? new Date(release.publishedAt).toLocaleString() : ''}.
          Signed manifests and bundles are served to delivery apps.
        </p>
      )}
      {(release.changelog?.length ?? 0) > 0 && (
        <details className="cdm-release__changelog">
          <summary>Changelog ({release.changelog!.length})</summary>
          <ul>
            {release.changelog!.map(({ line }, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      <table className="cdm-release__outputs">
        <thead>
          <tr>
            <th>Audience</th>
            <th>Locale</th>
            <th>Files</th>
            <th>Media</th>
            <th>Bundle</th>
            <th>Update from earlier releases</th>
            <th>Download</th>
          </tr>
        </thead>
        <tbody>
          {(outputs ?? []).map((o) => (
            <tr key={`${o.audience}.${o.locale}`} data-output={`${o.audience}.${o.locale}`}>
              <td>{o.audience}</td>
              <td>{o.locale}</td>
              <td>{o.assetCount}</td>
              <td>{formatBytes(o.assetBytes)}</td>
              <td data-bundle-bytes={o.bundleBytes}>{formatBytes(o.bundleBytes)}</td>
              <td>
                {o.deltas.length === 0
                  ? 'First release'
                  : o.deltas.map((d) => (
                      <div key={d.from} data-delta-from={d.from} data-delta-bytes={d.addBytes}>
                        from {d.from}: {d.addCount} new ({formatBytes(d.addBytes)}), {d.dropCount}{' '}
                        removed
                      </div>
                    ))}
              </td>
              <td className="cdm-release__downloads">
                <a href={download(o, 'bundle')} download>
                  bundle.zip
                </a>
                <a href={download(o, 'manifest')} download>
                  manifest
                </a>
                <a href={download(o, 'signature')} download>
                  signature
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canWithdraw && (
        <div className="cdm-release__withdraw">
          <label htmlFor="cdm-withdraw-reason">Withdraw this release</label>
          <textarea
            id="cdm-withdraw-reason"
            placeholder="Why? Delivery apps are told this reason."
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="btn btn--style-secondary"
            disabled={props.busy || reason.trim() === ''}
            onClick={() => props.onWithdraw(reason.trim())}
          >
            Withdraw {release.version}
          </button>
        </div>
      )}
    </div>
  )
}
