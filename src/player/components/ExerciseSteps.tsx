'use client'

import { useState } from 'react'

import { useT } from './i18n'
import type { DeliveryManifestExercise } from '../../delivery-client/browser'
import { writeItem } from '../browser/deviceStore'
import type { DiaryEntry } from '../model/diary'

export function WorksheetStep({ exercise }: { exercise: DeliveryManifestExercise }) {
  const t = useT()
  // Answers stay in the page: a worksheet is talked through, never sent or stored.
  return (
    <div className="cdm-step">
      <p>{exercise.worksheet.intro}</p>
      <ol className="cdm-questions">
        {exercise.worksheet.questions.map((question, q) => {
          const id = `${exercise.slug}-q${q}`
          if (question.answerType === 'text')
            return (
              <li key={id}>
                <label htmlFor={id}>{question.prompt}</label>
                <textarea id={id} rows={3} placeholder={t('worksheetAnswer')} />
              </li>
            )
          const options =
            question.answerType === 'scale' ? ['1', '2', '3', '4', '5'] : question.options
          return (
            <li key={id}>
              <fieldset>
                <legend>{question.prompt}</legend>
                {question.answerType === 'scale' && <p className="cdm-hint">{t('scaleHint')}</p>}
                <div className="cdm-options">
                  {options.map((option) => (
                    <label key={option} className="cdm-choice">
                      <input type="radio" name={id} value={option} />
                      {option}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

export function SummaryStep({ exercise }: { exercise: DeliveryManifestExercise }) {
  const t = useT()
  return (
    <div className="cdm-step cdm-slide">
      <h4>{t('summaryTitle')}</h4>
      <ul>
        {exercise.keyPoints.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </div>
  )
}

export function TaskStep({ exercise }: { exercise: DeliveryManifestExercise }) {
  const t = useT()
  return (
    <div className="cdm-step">
      <h4>{t('taskTitle')}</h4>
      <p>{exercise.task}</p>
    </div>
  )
}

export function DiaryStep(props: {
  exercise: DeliveryManifestExercise
  toolkit: string
  mode: 'practitioner' | 'participant'
}) {
  const t = useT()
  return (
    <div className="cdm-step">
      {props.mode === 'practitioner' ? (
        <>
          <p>{t('diaryPractitionerNote')}</p>
          <ul>
            {props.exercise.diaryPrompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t('diaryPrivacy')}</p>
          {props.exercise.diaryPrompts.map((prompt, i) => (
            <DiaryPrompt
              key={prompt}
              id={`${props.exercise.slug}-diary-${i}`}
              prompt={prompt}
              toolkit={props.toolkit}
              exercise={props.exercise.title}
            />
          ))}
        </>
      )}
    </div>
  )
}

function DiaryPrompt(props: { id: string; prompt: string; toolkit: string; exercise: string }) {
  const t = useT()
  const [text, setText] = useState('')
  const [saved, setSaved] = useState(false)
  async function save() {
    const entry: DiaryEntry = {
      id: crypto.randomUUID(),
      savedAt: new Date().toISOString(),
      toolkit: props.toolkit,
      exercise: props.exercise,
      prompt: props.prompt,
      text,
    }
    await writeItem('diary', entry.id, entry)
    setSaved(true)
  }
  return (
    <div className="cdm-form">
      <label htmlFor={props.id}>{props.prompt}</label>
      <textarea
        id={props.id}
        rows={4}
        value={text}
        placeholder={t('diaryWrite')}
        onChange={(e) => {
          setText(e.target.value)
          setSaved(false)
        }}
      />
      <button type="button" className="cdm-button" disabled={!text.trim()} onClick={save}>
        {t('diarySave')}
      </button>
      {saved && <p role="status">{t('diarySaved')}</p>}
    </div>
  )
}
