'use client'
import React from 'react'

import type { LineScore, ReviewLine, ReviewState } from './api'
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
}) {
  const { line, score, count, threshold } = props
  return (
    <li
      data-line-id={line.lineId}
      className={`cdm-review__line${props.isSelected ? ' is-selected' : ''}`}
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
    </li>
  )
}
