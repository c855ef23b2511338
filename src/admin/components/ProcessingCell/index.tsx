'use client'
import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import './processingStatus.scss'

export interface ProcessingValue {
  status?: string | null
  reason?: string | null
  progress?: number | null
}

const LABELS: Record<string, string> = {
  queued: 'Queued',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
}

/** Status badge: what the media job last said about this document, with progress or reason. */
export function ProcessingBadge({ value }: { value?: ProcessingValue | null }) {
  const status = value?.status ?? 'none'
  const label = LABELS[status] ?? 'Not processed'
  const progress = status === 'processing' && value?.progress != null ? ` ${value.progress}%` : ''
  return (
    <span
      className={`cdm-status cdm-status--${status}`}
      title={value?.reason ?? undefined}
      data-status={status}
    >
      {label}
      {progress}
      {status === 'failed' && value?.reason ? (
        <span className="cdm-status__reason">: {value.reason}</span>
      ) : null}
    </span>
  )
}

export function ProcessingCell({ cellData }: { cellData?: ProcessingValue | null }) {
  return <ProcessingBadge value={cellData} />
}

/** Edit-view replacement for the raw processing fields: the same badge, with progress. */
export function ProcessingField() {
  const value = useFormFields(([fields]) => ({
    status: fields['processing.status']?.value as string | undefined,
    reason: fields['processing.reason']?.value as string | undefined,
    progress: fields['processing.progress']?.value as number | undefined,
  }))
  return (
    <div className="cdm-status-field">
      <span className="cdm-status-field__label">Media processing</span>
      <ProcessingBadge value={value} />
      {value.status === 'failed' && value.reason ? (
        <p className="cdm-status-field__reason">{value.reason}</p>
      ) : null}
    </div>
  )
}
