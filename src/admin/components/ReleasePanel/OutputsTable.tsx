'use client'
import React from 'react'

import { formatBytes } from '../../../domain/media/uploadRules'
import type { Id } from '../../../domain/refs'
import type { OutputSummary } from '../../../domain/releases/summary'

/** Each audience × locale output of a release: sizes, update sizes and downloads. */
export function OutputsTable(props: { releaseId: Id; outputs: OutputSummary[] }) {
  return (
    <table className="cdm-release__outputs">
      <thead>
        <tr>
          <th>Audience</th>
          <th>Locale</th>
          <th>Files</th>
          <th>Media</th>
          <th>Bundle</th>
          <th>Update from earlier releases</th>
          <th>Download</th>
        </tr>
      </thead>
      <tbody>
        {props.outputs.map((o) => (
          <OutputRow key={`${o.audience}.${o.locale}`} releaseId={props.releaseId} output={o} />
        ))}
      </tbody>
    </table>
  )
}

function OutputRow({ releaseId, output: o }: { releaseId: Id; output: OutputSummary }) {
  const download = (file: string) =>
    `/api/releases/${releaseId}/download?audience=${encodeURIComponent(o.audience)}&locale=${encodeURIComponent(o.locale)}&file=${file}`
  return (
    <tr data-output={`${o.audience}.${o.locale}`}>
      <td>{o.audience}</td>
      <td>{o.locale}</td>
      <td>{o.assetCount}</td>
      <td>{formatBytes(o.assetBytes)}</td>
      <td data-bundle-bytes={o.bundleBytes}>{formatBytes(o.bundleBytes)}</td>
      <td>
        {o.deltas.length === 0
          ? 'First release'
          : o.deltas.map((d) => (
              <div key={d.from} data-delta-from={d.from} data-delta-bytes={d.addBytes}>
                from {d.from}: {d.addCount} new ({formatBytes(d.addBytes)}), {d.dropCount} removed
              </div>
            ))}
      </td>
      <td className="cdm-release__downloads">
        <a href={download('bundle')} download>
          bundle.zip
        </a>
        <a href={download('manifest')} download>
          manifest
        </a>
        <a href={download('signature')} download>
          signature
        </a>
        {o.printable && (
          <a href={download('printable')} download>
            worksheets.pdf
          </a>
        )}
      </td>
    </tr>
  )
}
