'use client'
import React, { useEffect, useState } from 'react'

import { formatBytes } from '../../../domain/media/uploadRules'
import type { OutputSummary } from '../../../domain/releases/summary'
import { requestJson } from '../../requestJson'
import type { ReleaseDoc } from './api'

/** A published or withdrawn release: its outputs with sizes, deltas and downloads; withdrawal. */
export function Published(props: {
  release: ReleaseDoc
  canWithdraw: boolean
  busy: boolean
  onWithdraw: (reason: string) => void
}) {
  const { release } = props
  const [outputs, setOutputs] = useState<OutputSummary[] | null>(null)
  const [reason, setReason] = useState('')
  useEffect(() => {
    requestJson<{ outputs: OutputSummary[] }>(`/api/releases/${release.id}/summary`)
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
