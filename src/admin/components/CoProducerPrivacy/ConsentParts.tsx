'use client'
import React, { useState } from 'react'

import { PanelOutcome, usePanelRequest } from './panelRequest'
import { consentDate, withdrawnParts } from '../../../domain/consent/consentRules'
import { CONSENT_PART_LABELS, CONSENT_PARTS, type ConsentPart } from '../../../domain/vocabulary'
import type { Consent } from '../../../payload-types'
import { requestJson } from '../../requestJson'

/** What happens when each part is withdrawn, in one sentence the person can act on. */
const AFTER_WITHDRAWAL: Record<ConsentPart, string> = {
  credit: 'Your pseudonym will not be in the credits of new releases.',
  words: 'New releases will not use scripts you approved until others have approved them again.',
  voice: 'New releases will not use your recorded voice.',
}

/** Each part of a consent record, agreed or not, with a two-step withdraw for agreed parts. */
export function ConsentParts(props: {
  consent: Consent
  canWithdraw: boolean
  isSelf: boolean
  onChange: () => Promise<void>
}) {
  const { consent } = props
  const [asking, setAsking] = useState<ConsentPart | null>(null)
  const { busy, outcome, run } = usePanelRequest()
  const withdrawn = withdrawnParts(consent, consent.withdrawals ?? [])

  const withdraw = (part: ConsentPart) =>
    run(
      () =>
        requestJson<{ message: string }>(`/api/consents/${consent.id}/withdraw`, {
          method: 'POST',
          body: { parts: [part] },
        }),
      () => {
        setAsking(null)
        return props.onChange()
      },
    )

  return (
    <>
      <p className="cdm-privacy__version">
        Agreed on {consentDate(consent.agreedAt)} (consent text {consent.consentTextVersion}).
      </p>
      <ul className="cdm-privacy__parts">
        {CONSENT_PARTS.map((part) => (
          <li key={part} data-part={part}>
            <span className="cdm-privacy__part">{CONSENT_PART_LABELS[part]}</span>{' '}
            <strong>
              {consent[part]
                ? 'Yes'
                : withdrawn[part]
                  ? `Withdrawn on ${consentDate(withdrawn[part])}`
                  : 'No'}
            </strong>
            {props.canWithdraw && consent[part] && asking !== part && (
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                disabled={busy}
                onClick={() => setAsking(part)}
              >
                Withdraw: {CONSENT_PART_LABELS[part]}
              </button>
            )}
            {asking === part && (
              <div className="cdm-privacy__confirm" role="group" aria-label="Confirm withdrawal">
                <p>
                  {AFTER_WITHDRAWAL[part]} Releases already published stay as they are.
                  {props.isSelf ? ' You can talk to the studio team about it at any time.' : ''}
                </p>
                <button
                  type="button"
                  className="btn btn--style-primary btn--size-small"
                  disabled={busy}
                  onClick={() => void withdraw(part)}
                >
                  Yes, withdraw
                </button>
                <button
                  type="button"
                  className="btn btn--style-secondary btn--size-small"
                  disabled={busy}
                  onClick={() => setAsking(null)}
                >
                  Keep it
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <PanelOutcome outcome={outcome} />
    </>
  )
}
