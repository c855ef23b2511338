'use client'
import React, { useEffect, useState } from 'react'

import type { ReleaseDoc } from './api'
import { OutputsTable } from './OutputsTable'
import { WithdrawForm } from './WithdrawForm'
import type { OutputSummary } from '../../../domain/releases/summary'
import type { ReleaseHoldings } from '../../../services/consent/releaseHoldings'
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
  const [holdings, setHoldings] = useState<ReleaseHoldings | null>(null)
  useEffect(() => {
    requestJson<{ outputs: OutputSummary[]; holdings: ReleaseHoldings }>(
      `/api/releases/${release.id}/summary`,
    )
      .then((summary) => {
        setOutputs(summary.outputs)
        setHoldings(summary.holdings)
      })
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
      {holdings && <Holdings holdings={holdings} />}
      <OutputsTable releaseId={release.id} outputs={outputs ?? []} />
      {props.canWithdraw && (
        <WithdrawForm version={release.version} busy={props.busy} onWithdraw={props.onWithdraw} />
      )}
    </div>
  )
}

/**
 * Who the release credits, and the work it holds by people who have since withdrawn consent:
 * the release stays as published, and the publisher decides whether to withdraw it.
 */
function Holdings({ holdings }: { holdings: ReleaseHoldings }) {
  return (
    <>
      <p className="cdm-release__credits">
        {holdings.credits.length
          ? `Co-producers credited: ${holdings.credits.join(', ')}.`
          : 'No co-producers are credited in this release.'}
      </p>
      {holdings.withdrawn.length > 0 && (
        <div className="cdm-release__consent" role="note" aria-label="Withdrawn consent">
          <p>This release holds work whose consent has been withdrawn since it was published:</p>
          <ul>
            {holdings.withdrawn.map((person) => (
              <li key={person.pseudonym}>
                {person.words &&
                  `${person.pseudonym} withdrew consent to use their words on ${person.words.on} (${person.words.scripts.join(', ')}). `}
                {person.voice &&
                  `${person.pseudonym} withdrew consent to use their voice on ${person.voice.on} (${person.voice.clips.join(', ')}).`}
              </li>
            ))}
          </ul>
          <p>
            Releases do not change once published. Withdraw this one if it should stop being served.
          </p>
        </div>
      )}
    </>
  )
}
