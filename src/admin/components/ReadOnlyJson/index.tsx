'use client'
import { FieldDescription, FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'
import React from 'react'

import './readOnlyJson.scss'

/**
 * A JSON field the studio writes and people only read (a release's freeze, an audit entry's
 * changed fields), shown as formatted text. Payload's own JSON field loads the Monaco editor
 * from a CDN, which a locked-down network blocks: the field then never appears.
 */
export const ReadOnlyJson: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path })
  const id = `field-${path.replace(/\./g, '__')}`
  const description = field.admin?.description
  return (
    <div className="field-type cdm-read-only-json">
      <FieldLabel label={field.label ?? field.name} path={path} htmlFor={id} />
      <pre id={id} className="cdm-read-only-json__value" tabIndex={0}>
        {value === undefined || value === null ? '—' : JSON.stringify(value, null, 2)}
      </pre>
      {description ? <FieldDescription description={description} path={path} /> : null}
    </div>
  )
}
