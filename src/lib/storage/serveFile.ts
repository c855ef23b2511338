import fs from 'node:fs'
import { Readable } from 'node:stream'

import { parseRange } from '../../domain/http/range'

/** A file as an HTTP response with Range support (206), as video players and HLS clients need. */
export async function serveFile(input: {
  file: string
  contentType: string
  rangeHeader: string | null
  cacheControl: string
  etag?: string
}): Promise<Response> {
  const stat = await fs.promises.stat(input.file)
  const range = parseRange(input.rangeHeader, stat.size)
  const headers = new Headers({
    'Content-Type': input.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': input.cacheControl,
    ...(input.etag ? { ETag: input.etag } : {}),
  })
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${stat.size}`)
    return new Response(null, { status: 416, headers })
  }
  const { start, end } = range.kind === 'partial' ? range : { start: 0, end: stat.size - 1 }
  headers.set('Content-Length', String(Math.max(0, end - start + 1)))
  if (range.kind === 'partial') headers.set('Content-Range', `bytes ${start}-${end}/${stat.size}`)
  const body =
    stat.size === 0
      ? null
      : (Readable.toWeb(fs.createReadStream(input.file, { start, end })) as ReadableStream)
  return new Response(body, { status: range.kind === 'partial' ? 206 : 200, headers })
}
