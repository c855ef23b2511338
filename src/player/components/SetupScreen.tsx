'use client'

import { useState, type FormEvent } from 'react'

import { useT } from './i18n'
import { problemMessage } from './problems'
import type { PublishedKey } from '../../delivery-client/browser'
import { fetchKeys } from '../browser/studioApi'
import { normaliseStudioUrl, studioUrlProblem, type Connection } from '../model/deviceSetup'

export interface Device extends Connection {
  /** Pinned when the device was set up; the only keys a manifest may be signed with. */
  pinnedKeys: PublishedKey[]
  mode: 'practitioner' | 'participant'
}

export function SetupScreen(props: {
  initial: Connection | null
  onConnected: (device: Device) => void
}) {
  const t = useT()
  const [studioUrl, setStudioUrl] = useState(
    () => props.initial?.studioUrl ?? (typeof location === 'undefined' ? '' : location.origin),
  )
  const [apiKey, setApiKey] = useState(props.initial?.apiKey ?? '')
  const [mode, setMode] = useState<Device['mode']>('practitioner')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')

  async function connect(event: FormEvent) {
    event.preventDefault()
    const url = normaliseStudioUrl(studioUrl)
    const urlProblem = studioUrlProblem(url)
    if (urlProblem) {
      setProblem(
        t('setupFailed', {
          problem: t(urlProblem === 'insecure' ? 'studioUrlInsecure' : 'studioUrlInvalid'),
        }),
      )
      return
    }
    setBusy(true)
    setProblem('')
    try {
      const pinnedKeys = await fetchKeys({ studioUrl: url, apiKey: apiKey.trim() })
      props.onConnected({ studioUrl: url, apiKey: apiKey.trim(), pinnedKeys, mode })
    } catch (error) {
      setProblem(problemMessage(t, error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setupTitle')}</h2>
      <p>{t('setupIntro')}</p>
      <form onSubmit={connect} className="cdm-form">
        <label htmlFor="studio-url">{t('studioUrlLabel')}</label>
        <input
          id="studio-url"
          type="url"
          required
          value={studioUrl}
          onChange={(e) => setStudioUrl(e.target.value)}
        />
        <label htmlFor="api-key">{t('apiKeyLabel')}</label>
        <input
          id="api-key"
          type="password"
          required
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
        <fieldset>
          <legend>{t('modeLabel')}</legend>
          {(['practitioner', 'participant'] as const).map((value) => (
            <label key={value} className="cdm-choice">
              <input
                type="radio"
                name="mode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              {t(value === 'practitioner' ? 'modePractitioner' : 'modeParticipant')}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="cdm-button" disabled={busy}>
          {busy ? t('connecting') : t('connect')}
        </button>
      </form>
      {problem && (
        <p role="alert" className="cdm-problem">
          {problem}
        </p>
      )}
    </section>
  )
}
