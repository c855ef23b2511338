'use client'

import { useEffect, useMemo, useState } from 'react'

import { DiaryScreen } from './DiaryScreen'
import { TranslateProvider } from './i18n'
import { LibraryScreen } from './LibraryScreen'
import { PrepareScreen } from './PrepareScreen'
import { problemMessage } from './problems'
import { SessionScreen } from './SessionScreen'
import { SetupScreen, type Device } from './SetupScreen'
import type { DeliveryManifest } from '../../delivery-client/browser'
import { deleteItem, readItem, writeItem } from '../browser/deviceStore'
import { openStoredRelease, type StoredRelease } from '../browser/offlineRelease'
import { serviceWorkerInControl } from '../browser/serviceWorker'
import type { ToolkitSummary } from '../browser/studioApi'
import { connectionFromFragment, type Connection } from '../model/deviceSetup'
import { stringsFor, translator, UI_LOCALES, type UiLocale } from '../strings'

type Screen =
  | { name: 'loading' }
  | { name: 'setup'; initial: Connection | null }
  | { name: 'library' }
  | { name: 'prepare'; toolkit: ToolkitSummary }
  | { name: 'session'; stored: StoredRelease; manifest: DeliveryManifest }
  | { name: 'diary' }

/**
 * The toolkit player: a delivery app built on the public delivery API alone. The device keeps
 * its studio, app key and pinned keys in IndexedDB; a link may carry the key in its fragment
 * (`#key=…&studio=…`), which the page reads and then removes from the address bar.
 */
export function PlayerApp() {
  const [uiLocale, setUiLocale] = useState<UiLocale>('en-GB')
  const [device, setDevice] = useState<Device | null>(null)
  const [screen, setScreen] = useState<Screen>({ name: 'loading' })
  const [problem, setProblem] = useState('')
  const t = useMemo(() => translator(stringsFor(uiLocale)), [uiLocale])

  useEffect(() => {
    document.documentElement.lang = uiLocale === 'cy' ? 'cy' : 'en-GB'
    document.title = t('appTitle')
  }, [uiLocale, t])

  useEffect(() => {
    void (async () => {
      const savedLocale = await readItem<UiLocale>('device', 'uiLocale')
      if (savedLocale && UI_LOCALES.includes(savedLocale)) setUiLocale(savedLocale)
      const fromLink = connectionFromFragment(location.hash, location.origin)
      if (fromLink) history.replaceState(null, '', location.pathname)
      const saved = await readItem<Device>('device', 'device')
      if (saved && !fromLink) {
        setDevice(saved)
        setScreen({ name: 'library' })
      } else setScreen({ name: 'setup', initial: fromLink })
      if (!(await serviceWorkerInControl().catch(() => false)))
        setProblem(t('problemNoServiceWorker'))
    })()
    // Once, on opening the player.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  async function chooseLocale(locale: UiLocale) {
    setUiLocale(locale)
    await writeItem('device', 'uiLocale', locale)
  }

  async function connected(next: Device) {
    await writeItem('device', 'device', next)
    setDevice(next)
    setScreen({ name: 'library' })
  }

  async function forget() {
    await deleteItem('device', 'device')
    setDevice(null)
    setScreen({ name: 'setup', initial: null })
  }

  async function open(releaseKey: string) {
    if (!device) return
    setProblem('')
    try {
      // Clips play only from the files the worker serves.
      if (!(await serviceWorkerInControl())) return setProblem(t('problemNoServiceWorker'))
      const opened = await openStoredRelease(releaseKey, device.pinnedKeys)
      if (opened) setScreen({ name: 'session', ...opened })
      else setProblem(t('refusedTampered'))
    } catch (error) {
      setProblem(problemMessage(t, error))
    }
  }

  return (
    <TranslateProvider value={t}>
      <a className="cdm-skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="cdm-header">
        <h1>{t('appTitle')}</h1>
        <nav aria-label={t('appTitle')} className="cdm-controls">
          {device && (
            <>
              <button
                type="button"
                className="cdm-button"
                onClick={() => setScreen({ name: 'library' })}
              >
                {t('backToLibrary')}
              </button>
              {device.mode === 'participant' && (
                <button
                  type="button"
                  className="cdm-button"
                  onClick={() => setScreen({ name: 'diary' })}
                >
                  {t('myDiary')}
                </button>
              )}
            </>
          )}
          <label className="cdm-inline">
            {t('languageLabel')}
            <select
              value={uiLocale}
              onChange={(e) => void chooseLocale(e.target.value as UiLocale)}
            >
              <option value="en-GB">{t('languageEnglish')}</option>
              <option value="cy">{t('languageWelsh')}</option>
            </select>
          </label>
        </nav>
      </header>
      <main id="main" className="cdm-main" data-screen={screen.name}>
        {problem && (
          <p role="alert" className="cdm-problem">
            {problem}
          </p>
        )}
        {screen.name === 'setup' && (
          <SetupScreen initial={screen.initial} onConnected={(d) => void connected(d)} />
        )}
        {device && screen.name === 'library' && (
          <>
            <LibraryScreen
              connection={device}
              onChoose={(toolkit) => setScreen({ name: 'prepare', toolkit })}
              onOpen={(key) => void open(key)}
            />
            <button type="button" className="cdm-link" onClick={() => void forget()}>
              {t('forgetDevice')}
            </button>
          </>
        )}
        {device && screen.name === 'prepare' && (
          <PrepareScreen
            connection={device}
            pinnedKeys={device.pinnedKeys}
            toolkit={screen.toolkit}
            uiLocale={uiLocale}
            onReady={(key) => void open(key)}
          />
        )}
        {device && screen.name === 'session' && (
          <SessionScreen stored={screen.stored} manifest={screen.manifest} mode={device.mode} />
        )}
        {screen.name === 'diary' && <DiaryScreen uiLocale={uiLocale} />}
      </main>
    </TranslateProvider>
  )
}
