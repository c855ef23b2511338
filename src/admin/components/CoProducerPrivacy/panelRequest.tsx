'use client'
import React, { useState } from 'react'

type Outcome = { text: string; error: boolean } | null

/**
 * One request at a time from a panel, and what the server said: its message on success, the
 * refusal's on failure, for the person to read.
 */
export function usePanelRequest() {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const run = async (request: () => Promise<{ message: string }>, after?: () => unknown) => {
    setBusy(true)
    try {
      const answer = await request()
      setOutcome({ text: answer.message, error: false })
      await after?.()
    } catch (error) {
      setOutcome({ text: (error as Error).message, error: true })
    } finally {
      setBusy(false)
    }
  }
  return { busy, outcome, run }
}

/** The server's answer, announced: an alert for a refusal, a status otherwise. */
export function PanelOutcome({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null
  return (
    <p
      role={outcome.error ? 'alert' : 'status'}
      className={outcome.error ? 'cdm-privacy__error' : undefined}
    >
      {outcome.text}
    </p>
  )
}
