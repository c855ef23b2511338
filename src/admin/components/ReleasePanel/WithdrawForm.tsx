'use client'
import React, { useState } from 'react'

/** Withdrawing a published release, with the reason delivery apps are told. */
export function WithdrawForm(props: {
  version: string
  busy: boolean
  onWithdraw: (reason: string) => void
}) {
  const [reason, setReason] = useState('')
  return (
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
        Withdraw {props.version}
      </button>
    </div>
  )
}
