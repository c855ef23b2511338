'use client'
import React from 'react'

import type { LineScore, ReviewLine, ReviewState } from './api'
import type { LinePlayback } from './useLinePlayback'
import { READING_BAND_LABELS, readingBand } from '../../../domain/readability/readingBand'

/** The script's scenes and lines; a line is chosen to see and add its comments. */
export function ScriptLines(props: {
  scenes: ReviewState['script']['scenes']
  scores: Map<string, LineScore>
  /** Reading ease below which a line is flagged (READABILITY_THRESHOLD). */
  threshold: number
  commentCount: (lineId: string) => number
  selectedLine: string | null
  onSelect: (lineId: string) => void
  playback: LinePlayback
}) {
  return (
    <ol className="cdm-review__script">
      {props.scenes.map((scene, sceneIndex) => (
        <li key={sceneIndex} className="cdm-review__scene">
          <h3>{scene.heading || `Scene ${sceneIndex + 1}`}</h3>
          <ul>
            {scene.lines.map((line) => (
              <ScriptLine
                key={line.lineId}
                line={line}
                score={props.scores.get(line.lineId)}
                threshold={props.threshold}
                count={props.commentCount(line.lineId)}
                isSelected={props.selectedLine === line.lineId}
                onSelect={() => props.onSelect(line.lineId)}
                playback={props.playback}
              />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  )
}

/** One line with its speaker and direction, flagged when hard to read or commented on. */
function ScriptLine(props: {
  line: ReviewLine
  score: LineScore | undefined
  threshold: number
  count: number
  isSelected: boolean
  onSelect: () => void
  playback: LinePlayback
}) {
  const { line, score, count, threshold, playback } = props
  const isSpeaking = playback.speaking?.lineId === line.lineId
  const who = line.speaker ? `${line.speaker}: ` : ''
  const listenLabel = playback.voice && line.timing ? 'Listen' : 'Read aloud (computer voice)'
  // While this line is heard on its own, its button stops it.
  const stops = isSpeaking && playback.speaking?.mode !== 'clip'
  return (
    <li
      data-line-id={line.lineId}
      data-speaking={isSpeaking ? playback.speaking!.mode : undefined}
      aria-current={isSpeaking ? 'true' : undefined}
      className={`cdm-review__line${props.isSelected ? ' is-selected' : ''}${isSpeaking ? ' is-speaking' : ''}`}
    >
      <button type="button" className="cdm-review__line-button" onClick={props.onSelect}>
        <span className="cdm-review__speaker">{line.speaker}</span>
        {line.direction ? <em className="cdm-review__direction"> ({line.direction})</em> : null}
        <span className="cdm-review__text">{line.text}</span>
      </button>
      <span className="cdm-review__meta">
        {score?.isHard ? (
          <span className="cdm-review__hard" title={`Reading ease ${score.fleschReadingEase}`}>
            {READING_BAND_LABELS[readingBand(score, threshold)]}
          </span>
        ) : null}
        {count ? (
          <span className="cdm-review__count">
            {count} comment{count > 1 ? 's' : ''}
          </span>
        ) : null}
      </span>
      <span className="cdm-review__play">
        {(playback.voice && line.timing) || playback.canSpeak ? (
          <button
            type="button"
            className="cdm-review__play-button"
            aria-label={`${stops ? 'Stop' : listenLabel}: ${who}${line.text}`}
            onClick={() => (stops ? playback.stop() : playback.listen(line))}
          >
            {stops ? 'Stop' : listenLabel}
          </button>
        ) : null}
        {playback.clip && line.timing ? (
          <button
            type="button"
            className="cdm-review__play-button"
            aria-label={`Watch from here: ${who}${line.text}`}
            onClick={() => playback.watchFrom(line)}
          >
            Watch from here
          </button>
        ) : null}
      </span>
    </li>
  )
}
