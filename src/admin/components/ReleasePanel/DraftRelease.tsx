'use client'
import React from 'react'

import type { Preflight } from './api'
import { Preflighted } from './Preflighted'

/** A draft or failed release: its preflight, and publishing once preflight passes. */
export function DraftRelease(props: {
  version: string
  hasOwnChangelog: boolean
  preflight: Preflight | null
  checking: boolean
  onCheck: () => void
  onAdoptChangelog: (lines: string[]) => void
  canPublish: boolean
  busy: boolean
  modified: boolean
  onPublish: () => void
}) {
  const { preflight, checking, modified } = props
  return (
    <>
      <Preflighted
        preflight={preflight}
        checking={checking}
        onCheck={props.onCheck}
        hasOwnChangelog={props.hasOwnChangelog}
        onAdoptChangelog={props.onAdoptChangelog}
      />
      {props.canPublish && (
        <div className="cdm-release__actions">
          <button
            type="button"
            className="btn btn--style-primary"
            disabled={props.busy || checking || modified || !preflight?.ok}
            onClick={props.onPublish}
          >
            Publish {props.version}
          </button>
          {modified && <span className="cdm-release__hint">Save your changes first.</span>}
          {!modified && preflight && !preflight.ok && (
            <span className="cdm-release__hint">Fix the problems above to publish.</span>
          )}
        </div>
      )}
    </>
  )
}
