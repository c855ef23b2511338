'use client'
import React, { useEffect, useState } from 'react'

import type { ReleaseDoc } from './api'
import { OutputsTable } from './OutputsTable'
import { WithdrawForm } from './WithdrawForm'
import type { OutputSummary } from '../../../domain/releases/summary'
import { requestJson } from '../../requestJson'

/** A published or withdrawn release: its outputs with sizes, deltas and downloads; withdrawal. */
export function Published(props: {
  release: ReleaseDoc
  canWithdraw: boolean
  busy: boolean
  onWithdraw: (reason: string) => void
}) {
  const { release } = props
  const [outputs, setOutputs] = useState<OutputSummary[] | null>(null)
  useEffect(() => {
    requestJson<{ outputs: OutputSummary[] }>(`/api/releases/${release.id}/summary`)
      .then((summary) => setOutputs(summary.outputs))
      .catch(() => setOutputs([]))
  }, [release.id])

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
      <OutputsTable releaseId={release.id} outputs={outputs ?? []} />
      {props.canWithdraw && (
        <WithdrawForm version={release.version} busy={props.busy} onWithdraw={props.onWithdraw} />
      )}
    </div>
  )
}
