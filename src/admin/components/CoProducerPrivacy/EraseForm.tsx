'use client'
import React, { useState } from 'react'

import { PanelOutcome, usePanelRequest } from './panelRequest'
import { consentDate } from '../../../domain/consent/consentRules'
import { requestJson } from '../../requestJson'

/** An admin erases a co-producer's real name and email, typing the pseudonym to confirm. */
export function EraseForm(props: {
  userId: string
  pseudonym: string
  erasedAt?: string | null
  onErased: () => Promise<void>
}) {
  const [typed, setTyped] = useState('')
  const { busy, outcome, run } = usePanelRequest()

  if (props.erasedAt) {
    return (
      <p className="cdm-privacy__erased">
        Personal details erased on {consentDate(props.erasedAt)}. The account cannot sign in.
      </p>
    )
  }
  const erase = () =>
    run(
      () =>
        requestJson<{ message: string }>(`/api/users/${props.userId}/erase`, {
          method: 'POST',
          body: { pseudonym: typed },
        }),
      async () => {
        await props.onErased()
        // The form below this panel still holds the erased values; reload it from the server.
        window.location.reload()
      },
    )
  return (
    <div className="cdm-privacy__erase">
      <h4>Erase personal details</h4>
      <p>
        Their real name and email are removed for good and the account can no longer sign in. Their
        pseudonym stays on their work.
      </p>
      <label htmlFor="cdm-erase-pseudonym">
        Type their pseudonym, {props.pseudonym}, to confirm
      </label>
      <input
        id="cdm-erase-pseudonym"
        type="text"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      <button
        type="button"
        className="btn btn--style-primary"
        disabled={busy || typed.trim() === ''}
        onClick={() => void erase()}
      >
        Erase personal details
      </button>
      <PanelOutcome outcome={outcome} />
    </div>
  )
}
