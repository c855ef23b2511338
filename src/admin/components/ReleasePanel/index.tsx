'use client'
import { useAuth, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React, { useState } from 'react'

import { Building } from './Building'
import { DraftRelease } from './DraftRelease'
import { Published } from './Published'
import { usePreflight, useRelease, useReleaseActions } from './useReleaseState'
import { isBuildStalled } from '../../../domain/releases/buildProgress'
import './releasePanel.scss'

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
  const [error, setError] = useState<string | null>(null)
  const { release, refresh } = useRelease(id, setError)
  const status = release?.status
  const needsPreflight = status === 'draft' || status === 'failed'
  const { preflight, checking, recheck } = usePreflight(id, needsPreflight, setError)
  const actions = useReleaseActions(id, { refresh, showError: setError })

  if (id == null) return <UnsavedRelease />
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

      {needsPreflight && (
        <DraftRelease
          version={release.version}
          hasOwnChangelog={(release.changelog?.length ?? 0) > 0}
          preflight={preflight}
          checking={checking}
          onCheck={recheck}
          onAdoptChangelog={actions.adoptChangelog}
          canPublish={canPublish}
          busy={actions.busy}
          modified={modified}
          onPublish={actions.publish}
        />
      )}

      {release.status === 'building' && (
        <Building
          progress={release.build ?? null}
          stalled={isBuildStalled(release, new Date())}
          canResume={canPublish}
          busy={actions.busy}
          onResume={actions.publish}
        />
      )}

      {(release.status === 'published' || release.status === 'withdrawn') && (
        <Published
          release={release}
          canWithdraw={canPublish && release.status === 'published'}
          busy={actions.busy}
          onWithdraw={actions.withdraw}
        />
      )}
    </section>
  )
}

/** Before the first save there is nothing to check yet. */
function UnsavedRelease() {
  return (
    <section className="cdm-release">
      <p className="cdm-release__hint">
        Choose the toolkit, audiences, locales and accents, give the version, and save the draft.
        Preflight then checks everything the release would contain.
      </p>
    </section>
  )
}
