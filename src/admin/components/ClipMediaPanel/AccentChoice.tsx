'use client'
import React from 'react'

import type { ClipProcessingDetails } from '../../../payload-types'

/** The accents a clip was voiced in, one chosen: a radio group the preview player switches by. */
export function AccentChoice(props: {
  accents: ClipProcessingDetails['offline']
  chosen: number
  onChoose: (index: number) => void
}) {
  return (
    <fieldset>
      <legend>Accent</legend>
      {props.accents.map((accent, index) => (
        <label key={accent.accentTag}>
          <input
            type="radio"
            name="cdm-accent"
            value={accent.accentTag}
            checked={index === props.chosen}
            onChange={() => props.onChoose(index)}
          />{' '}
          {accent.accentLabel}
        </label>
      ))}
    </fieldset>
  )
}
