'use client'

import { useEffect, useState } from 'react'

import { useT } from './i18n'
import { problemMessage } from './problems'
import { releaseKeyOf, storedReleases, type StoredRelease } from '../browser/offlineRelease'
import { fetchToolkits, type ToolkitSummary } from '../browser/studioApi'
import type { Connection } from '../model/deviceSetup'

export function LibraryScreen(props: {
  connection: Connection
  onChoose: (toolkit: ToolkitSummary) => void
  onOpen: (releaseKey: string) => void
}) {
  const t = useT()
  const [toolkits, setToolkits] = useState<ToolkitSummary[] | null>(null)
  const [downloaded, setDownloaded] = useState<StoredRelease[]>([])
  const [problem, setProblem] = useState('')

  useEffect(() => {
    let live = true
    storedReleases().then((all) => live && setDownloaded(all))
    fetchToolkits(props.connection).then(
      (list) => live && setToolkits(list),
      (error: unknown) => {
        if (!live) return
        setToolkits([])
        setProblem(navigator.onLine ? problemMessage(t, error) : t('libraryOffline'))
      },
    )
    return () => {
      live = false
    }
  }, [props.connection, t])

  return (
    <>
      <section aria-labelledby="downloaded-title">
        <h2 id="downloaded-title">{t('downloadedTitle')}</h2>
        {downloaded.length === 0 ? (
          <p>{t('downloadedNone')}</p>
        ) : (
          <ul className="cdm-list">
            {downloaded.map((release) => (
              <li key={releaseKeyOf(release)}>
                <span>
                  {t('downloadedItem', {
                    toolkit: release.toolkitTitle,
                    version: release.version,
                    audience: release.audienceLabel,
                    locale: t(release.locale === 'cy' ? 'localeCy' : 'localeEnGb'),
                  })}
                </span>
                <button
                  type="button"
                  className="cdm-button"
                  onClick={() => props.onOpen(releaseKeyOf(release))}
                >
                  {t('openDownloaded')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="library-title">
        <h2 id="library-title">{t('libraryTitle')}</h2>
        {problem && <p role="status">{problem}</p>}
        {toolkits?.length === 0 && !problem && <p>{t('libraryEmpty')}</p>}
        <ul className="cdm-list">
          {toolkits?.map((toolkit) => (
            <li key={toolkit.slug}>
              <span>
                {toolkit.title} · {t('latestVersion', { version: toolkit.latestVersion })}
              </span>
              <button type="button" className="cdm-button" onClick={() => props.onChoose(toolkit)}>
                {t('chooseToolkit', { toolkit: toolkit.title })}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
