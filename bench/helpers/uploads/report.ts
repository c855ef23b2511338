import { bytes, seconds, table } from '../format'
import type { UploadRow } from './measure'

/** The table the benchmark prints, one row per upload; negative differences shown as 0. */
export function uploadMemoryReport(rows: UploadRow[]): string {
  return `\nUpload memory of the server process: peak over the request minus the value before it, and what a GC afterwards leaves (negative shown as 0):\n${table(
    [
      [
        'upload',
        'status',
        'file sent',
        'time',
        'peak RSS',
        'peak heap',
        'peak ArrayBuf',
        'kept ArrayBuf',
        'kept heap',
      ],
      ...rows.map((r) => [
        r.name,
        String(r.answer.status),
        bytes(r.answer.sent),
        seconds(r.ms),
        bytes(Math.max(0, r.delta.rss)),
        bytes(Math.max(0, r.delta.heapUsed)),
        bytes(Math.max(0, r.delta.arrayBuffers)),
        bytes(Math.max(0, r.retained.arrayBuffers)),
        bytes(Math.max(0, r.retained.heapUsed)),
      ]),
    ],
  )}\n`
}
