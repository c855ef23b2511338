'use client'
import { useAuth, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import { isBuildStalled } from '../../../domain/releases/buildProgress'
import { requestJson } from '../../requestJson'
import type { Preflight, ReleaseDoc } from './api'
import { Building } from './Building'
import { Preflighted } from './Preflighted'
import { Published } from './Published'
import './releasePanel.scss'

const POLL_MS = 1500

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
    requestJson<ReleaseDoc>(`/api/releases/${id}?depth=0`).then(
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
    requestJson<Preflight>(`/api/releases/${id}/preflight`, { method: 'POST' }).then(
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

  // Also resumes a build whose process stopped: the server tells the two apart.
  const publish = () => act(() => requestJson(`/api/releases/${id}/publish`, { method: 'POST' }))

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
                await requestJson(`/api/releases/${id}`, {
                  method: 'PATCH',
                  body: {
                    changelog: lines.map((line) => ({ line })),
                  },
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
                onClick={publish}
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
          onResume={publish}
        />
      )}

      {(release.status === 'published' || release.status === 'withdrawn') && (
        <Published
          release={release}
          canWithdraw={canPublish && release.status === 'published'}
          busy={busy}
          onWithdraw={(reason) =>
            act(async () => {
              await requestJson(`/api/releases/${id}/withdraw`, {
                method: 'POST',
                body: { reason },
              })
              window.location.reload()
            })
          }
        />
      )}
    </section>
  )
}
