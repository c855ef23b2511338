'use client'

import { useState } from 'react'

import { ClipPlayer } from './ClipPlayer'
import { DiaryStep, SummaryStep, TaskStep, WorksheetStep } from './ExerciseSteps'
import { useT } from './i18n'
import type { DeliveryManifest } from '../../delivery-client/browser'
import type { StoredRelease } from '../browser/offlineRelease'
import { saveDeviceFile } from '../browser/saveFile'
import { assetUrl } from '../model/clipSources'
import {
  exerciseAt,
  firstPosition,
  nextExercise,
  nextPosition,
  outlineOf,
  previousPosition,
  SESSION_STEPS,
  type Position,
  type SessionStep,
} from '../model/outline'
import type { StringKey } from '../strings'

const STEP_NAMES: Record<SessionStep, StringKey> = {
  clip: 'stepClip',
  worksheet: 'stepWorksheet',
  summary: 'stepSummary',
  task: 'stepTask',
  diary: 'stepDiary',
}

/**
 * A session: module → exercise → clip → worksheet → summary → task → diary, with every
 * exercise one tap away in the outline and the foundation module marked.
 */
export function SessionScreen(props: {
  stored: StoredRelease
  manifest: DeliveryManifest
  mode: 'practitioner' | 'participant'
}) {
  const t = useT()
  const { manifest } = props
  const [at, setAt] = useState<Position | null>(() => firstPosition(manifest))
  const [accent, setAccent] = useState(props.stored.accent)
  const outline = outlineOf(manifest)
  const exercise = at ? exerciseAt(manifest, at) : null
  const step = at ? SESSION_STEPS[at.step] : null
  const current = at ? manifest.modules[at.module] : null
  const go = (next: Position | null) => {
    setAt(next)
    document.getElementById('exercise-title')?.focus()
  }

  return (
    <div className="cdm-session">
      <nav aria-labelledby="outline-title" className="cdm-outline">
        <h2 id="outline-title">{t('outlineTitle')}</h2>
        {outline.map((m) => (
          <section key={m.slug} aria-label={m.title}>
            <h3>
              {m.title}{' '}
              {m.isFoundation && (
                <span className="cdm-badge" data-foundation>
                  {t('foundationBadge')}
                </span>
              )}
            </h3>
            {m.isFoundation && <p className="cdm-hint">{t('foundationNote')}</p>}
            <ul>
              {m.exercises.map((e) => {
                const isCurrent =
                  at?.module === e.position.module && at.exercise === e.position.exercise
                return (
                  <li key={e.slug}>
                    <button
                      type="button"
                      className="cdm-link"
                      aria-current={isCurrent ? 'step' : undefined}
                      onClick={() => go(e.position)}
                    >
                      {e.title}
                      {e.minutes ? ` · ${t('minutes', { minutes: e.minutes })}` : ''}
                    </button>
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
        {manifest.printable && (
          <p>
            {/* From the device like every file of the release, so it prints offline too. */}
            <button
              type="button"
              className="cdm-button"
              data-printable
              onClick={() =>
                void saveDeviceFile(
                  assetUrl(manifest.assets, manifest.printable!),
                  t('printableFile'),
                )
              }
            >
              {t('printable')}
            </button>
          </p>
        )}
        {manifest.release.credits.length > 0 && (
          <p className="cdm-hint cdm-credits">
            {t('credits', { names: manifest.release.credits.join(', ') })}
          </p>
        )}
      </nav>
      <section className="cdm-exercise" aria-labelledby="exercise-title">
        {!at || !exercise || !current || !step ? (
          <p>{t('sessionDone')}</p>
        ) : (
          <>
            <p className="cdm-hint">{t('moduleHeading', { module: current.title })}</p>
            <h2 id="exercise-title" tabIndex={-1}>
              {t('exerciseHeading', { exercise: exercise.title })}
            </h2>
            <ol
              className="cdm-steps"
              aria-label={t('stepProgress', { step: at.step + 1, total: SESSION_STEPS.length })}
            >
              {SESSION_STEPS.map((name, i) => (
                <li key={name}>
                  <button
                    type="button"
                    className="cdm-link"
                    aria-current={i === at.step ? 'step' : undefined}
                    onClick={() => setAt({ ...at, step: i })}
                  >
                    {t(STEP_NAMES[name])}
                  </button>
                </li>
              ))}
            </ol>
            <h3 data-step={step}>{t(STEP_NAMES[step])}</h3>
            {step === 'clip' && (
              <ClipPlayer
                key={exercise.clip.hls}
                clip={exercise.clip}
                assets={manifest.assets}
                locale={manifest.locale}
                accent={accent}
                lowData={props.stored.lowData}
                onAccentChange={setAccent}
              />
            )}
            {step === 'worksheet' && <WorksheetStep exercise={exercise} />}
            {step === 'summary' && <SummaryStep exercise={exercise} />}
            {step === 'task' && <TaskStep exercise={exercise} />}
            {step === 'diary' && (
              <DiaryStep exercise={exercise} toolkit={manifest.toolkit.title} mode={props.mode} />
            )}
            <div className="cdm-controls">
              <button
                type="button"
                className="cdm-button cdm-button--big"
                disabled={!previousPosition(manifest, at)}
                onClick={() => go(previousPosition(manifest, at))}
              >
                {t('back')}
              </button>
              <button
                type="button"
                className="cdm-button cdm-button--big"
                onClick={() => go(nextPosition(manifest, at))}
              >
                {t('next')}
              </button>
              <button
                type="button"
                className="cdm-button"
                onClick={() => go(nextExercise(manifest, at))}
              >
                {t('nextExercise')}
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  )
}
