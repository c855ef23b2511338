'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { Preflight, ReleaseDoc } from './api'
import { requestJson } from '../../requestJson'

const POLL_MS = 1500

type DocumentId = number | string | undefined
type ShowError = (message: string | null) => void

/** The release as the server has it, reloaded on `refresh` and every moment while it builds. */
export function useRelease(id: DocumentId, showError: ShowError) {
  const [release, setRelease] = useState<ReleaseDoc | null>(null)
  const [refreshes, setRefreshes] = useState(0)
  const refresh = useCallback(() => setRefreshes((n) => n + 1), [])
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
      (failure: Error) => !cancelled && showError(failure.message),
    )
    return () => {
      cancelled = true
    }
  }, [id, refreshes, showError])

  const status = release?.status
  useEffect(() => {
    if (status !== 'building') return
    const timer = setInterval(refresh, POLL_MS)
    return () => clearInterval(timer)
  }, [status, refresh])

  return { release, refresh }
}

/** The server's preflight of a draft or failed release, run again on `recheck`. */
export function usePreflight(id: DocumentId, needsPreflight: boolean, showError: ShowError) {
  const [preflight, setPreflight] = useState<{ run: number; result: Preflight } | null>(null)
  const [preflightRuns, setPreflightRuns] = useState(0)
  useEffect(() => {
    if (id == null || !needsPreflight) return
    let cancelled = false
    requestJson<Preflight>(`/api/releases/${id}/preflight`, { method: 'POST' }).then(
      (result) => !cancelled && setPreflight({ run: preflightRuns, result }),
      (failure: Error) => !cancelled && showError(failure.message),
    )
    return () => {
      cancelled = true
    }
  }, [id, needsPreflight, preflightRuns, showError])
  return {
    preflight: preflight?.result ?? null,
    checking: needsPreflight && preflight?.run !== preflightRuns,
    recheck: () => setPreflightRuns((n) => n + 1),
  }
}

/** What the publisher can do to the release; each clears the last error and reloads the release. */
export function useReleaseActions(
  id: DocumentId,
  { refresh, showError }: { refresh: () => void; showError: ShowError },
) {
  const [busy, setBusy] = useState(false)
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true)
    showError(null)
    try {
      await run()
      refresh()
    } catch (e) {
      showError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return {
    busy,
    // Also resumes a build whose process stopped: the server tells the two apart.
    publish: () => act(() => requestJson(`/api/releases/${id}/publish`, { method: 'POST' })),
    adoptChangelog: (lines: string[]) =>
      act(async () => {
        await requestJson(`/api/releases/${id}`, {
          method: 'PATCH',
          body: {
            changelog: lines.map((line) => ({ line })),
          },
        })
        window.location.reload()
      }),
    withdraw: (reason: string) =>
      act(async () => {
        await requestJson(`/api/releases/${id}/withdraw`, {
          method: 'POST',
          body: { reason },
        })
        window.location.reload()
      }),
  }
}
