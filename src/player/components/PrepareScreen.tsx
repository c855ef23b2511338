'use client'

import { useMemo, useState } from 'react'

import { useT } from './i18n'
import { problemMessage } from './problems'
import type { PinnedKey } from '../../delivery-client/browser'
import {
  downloadRelease,
  prepareRelease,
  releaseKeyOf,
  type PreparedRelease,
} from '../browser/offlineRelease'
import { cacheAppShell } from '../browser/releaseCache'
import type { ToolkitSummary } from '../browser/studioApi'
import { accentsOf } from '../model/clipSources'
import type { Connection } from '../model/deviceSetup'
import { downloadPlan, formatBytes } from '../model/downloadPlan'

const LOCALES = ['en-GB', 'cy'] as const

/** Audience, then locale, then accent: the release checked, its size shown, then downloaded. */
export function PrepareScreen(props: {
  connection: Connection
  pinnedKeys: readonly PinnedKey[]
  toolkit: ToolkitSummary
  uiLocale: string
  onReady: (releaseKey: string) => void
}) {
  const t = useT()
  const [locale, setLocale] = useState<string>(props.uiLocale === 'cy' ? 'cy' : 'en-GB')
  // The audiences released in this locale, by their names in it.
  const audiences = useMemo(
    () => props.toolkit.outputs.filter((output) => output.locale === locale),
    [props.toolkit.outputs, locale],
  )
  const [chosenAudience, setAudience] = useState('')
  const audience = audiences.some((a) => a.audience === chosenAudience)
    ? chosenAudience
    : (audiences[0]?.audience ?? '')
  const [prepared, setPrepared] = useState<PreparedRelease | null>(null)
  const [accent, setAccent] = useState('')
  const [lowData, setLowData] = useState(false)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [problem, setProblem] = useState('')

  const accents = useMemo(() => (prepared ? accentsOf(prepared.manifest) : []), [prepared])
  const plan = useMemo(
    () =>
      prepared
        ? downloadPlan({ manifest: prepared.manifest, playlists: prepared.playlists, lowData })
        : null,
    [prepared, lowData],
  )

  async function check() {
    setBusy(true)
    setProblem('')
    setPrepared(null)
    try {
      const ready = await prepareRelease(props.connection, props.pinnedKeys, {
        toolkit: props.toolkit.slug,
        audience,
        locale,
      })
      setPrepared(ready)
      setAccent(accentsOf(ready.manifest)[0]?.tag ?? '')
    } catch (error) {
      setProblem(problemMessage(t, error))
    } finally {
      setBusy(false)
    }
  }

  async function download() {
    if (!prepared || !plan) return
    setBusy(true)
    setProblem('')
    try {
      // The page and hls.js first: the shell is read from resource timing, whose buffer the
      // release's files would fill.
      await import('hls.js')
      await cacheAppShell()
      await downloadRelease({
        connection: props.connection,
        prepared,
        plan,
        accent,
        lowData,
        onProgress: (done, total) => setProgress({ done, total }),
      })
      props.onReady(releaseKeyOf(prepared.choice))
    } catch (error) {
      setProgress(null)
      setProblem(problemMessage(t, error))
    } finally {
      setBusy(false)
    }
  }

  const size = plan ? formatBytes(plan.bytes, props.uiLocale) : ''
  return (
    <section aria-labelledby="prepare-title">
      <h2 id="prepare-title">{t('prepareTitle', { toolkit: props.toolkit.title })}</h2>
      <div className="cdm-form">
        <label htmlFor="audience">{t('audienceLabel')}</label>
        <select
          id="audience"
          value={audience}
          onChange={(e) => {
            setAudience(e.target.value)
            setPrepared(null)
          }}
        >
          {audiences.map((output) => (
            <option key={output.audience} value={output.audience}>
              {output.label}
            </option>
          ))}
        </select>
        <label htmlFor="locale">{t('localeLabel')}</label>
        <select
          id="locale"
          value={locale}
          onChange={(e) => {
            setLocale(e.target.value)
            setPrepared(null)
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {t(code === 'cy' ? 'localeCy' : 'localeEnGb')}
            </option>
          ))}
        </select>
        <button type="button" className="cdm-button" disabled={busy || !audience} onClick={check}>
          {busy && !prepared ? t('checking') : t('checkRelease')}
        </button>
      </div>
      {prepared && plan && (
        <div className="cdm-form">
          <p role="status">
            {t('signatureChecked', { version: prepared.manifest.release.version })}
          </p>
          <label htmlFor="accent">{t('accentLabel')}</label>
          <select id="accent" value={accent} onChange={(e) => setAccent(e.target.value)}>
            {accents.map((a) => (
              <option key={a.tag} value={a.tag}>
                {a.label}
              </option>
            ))}
          </select>
          <label className="cdm-choice">
            <input
              type="checkbox"
              checked={lowData}
              onChange={(e) => setLowData(e.target.checked)}
            />
            {t('lowDataLabel')}
          </label>
          <p data-download-bytes={plan.bytes}>{t('downloadSize', { size })}</p>
          <button type="button" className="cdm-button" disabled={busy} onClick={download}>
            {t('download', { size })}
          </button>
          {progress && (
            <p role="status">
              <progress
                max={progress.total}
                value={progress.done}
                aria-label={t('downloadSize', { size })}
              />{' '}
              {t('downloading', { done: progress.done, total: progress.total })}
            </p>
          )}
        </div>
      )}
      {problem && (
        <p role="alert" className="cdm-problem">
          {problem}
        </p>
      )}
    </section>
  )
}
