'use client'

import { useEffect, useState } from 'react'

import { useT } from './i18n'
import { readAll } from '../browser/deviceStore'
import { saveFile } from '../browser/saveFile'
import { diaryAsText, sortDiary, type DiaryEntry } from '../model/diary'

/** The participant's diary, read from this device only, and saved as a file they keep. */
export function DiaryScreen({ uiLocale }: { uiLocale: string }) {
  const t = useT()
  const [entries, setEntries] = useState<DiaryEntry[]>([])
  useEffect(() => {
    void readAll<DiaryEntry>('diary').then((all) => setEntries(sortDiary(all)))
  }, [])
  const heading = (entry: DiaryEntry) =>
    t('diaryEntryHeading', {
      date: new Date(entry.savedAt).toLocaleString(uiLocale, {
        dateStyle: 'long',
        timeStyle: 'short',
      }),
      exercise: entry.exercise,
    })

  function exportDiary() {
    const blob = new Blob([diaryAsText(entries, heading)], { type: 'text/plain;charset=utf-8' })
    saveFile(blob, t('diaryExportFile'))
  }

  return (
    <section aria-labelledby="diary-title">
      <h2 id="diary-title">{t('diaryListTitle')}</h2>
      <p>{t('diaryPrivacy')}</p>
      {entries.length === 0 ? (
        <p>{t('diaryEmpty')}</p>
      ) : (
        <>
          <button type="button" className="cdm-button" onClick={exportDiary}>
            {t('diaryExport')}
          </button>
          <ul className="cdm-diary">
            {entries.map((entry) => (
              <li key={entry.id}>
                <h3>{heading(entry)}</h3>
                <p className="cdm-hint">{entry.prompt}</p>
                <p>{entry.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
