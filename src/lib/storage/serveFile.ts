import fs from 'node:fs'
import { Readable } from 'node:stream'

import { matchesIfNoneMatch } from '../../domain/http/conditional'
import { parseRange } from '../../domain/http/range'
import { readHeadOf } from '../fs/readHead'

/**
 * Up to this size a whole file is read in one call and sent as bytes: a stream costs more per
 * request than the copy (most delivery assets are posters, playlists and segments of a few KiB).
 */
const BUFFERED_MAX_BYTES = 256 * 1024
const HEAD_BYTES = 512

/**
 * A file as an HTTP response with Range support (206), as video players and HLS clients need,
 * and a 304 for a client whose copy carries the file's ETag. `contentType` may be a function of
 * the file's first bytes, for files stored without an extension.
 */
export async function serveFile(input: {
  file: string
  contentType: string | ((head: Uint8Array) => string)
  rangeHeader: string | null
  cacheControl: string
  etag?: string
  ifNoneMatch?: string | null
}): Promise<Response> {
  const handle = await fs.promises.open(input.file, 'r')
  let handed = false
  try {
    const { size } = await handle.stat()
    const range = parseRange(input.rangeHeader, size)
    const headers = new Headers({
      'Accept-Ranges': 'bytes',
      'Cache-Control': input.cacheControl,
      ...(input.etag ? { ETag: input.etag } : {}),
    })
    if (input.etag && matchesIfNoneMatch(input.ifNoneMatch, input.etag))
      return new Response(null, { status: 304, headers })
    if (range.kind === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${size}`)
      return new Response(null, { status: 416, headers })
    }
    const { start, end } = range.kind === 'partial' ? range : { start: 0, end: size - 1 }
    const length = Math.max(0, end - start + 1)
    headers.set('Content-Length', String(length))
    if (range.kind === 'partial') headers.set('Content-Range', `bytes ${start}-${end}/${size}`)
    const status = range.kind === 'partial' ? 206 : 200
    if (range.kind === 'full' && size <= BUFFERED_MAX_BYTES) {
      const bytes = size === 0 ? Buffer.alloc(0) : await handle.readFile()
      headers.set('Content-Type', typeOf(input.contentType, bytes.subarray(0, HEAD_BYTES)))
      return new Response(size === 0 ? null : bytes, { status, headers })
    }
    headers.set('Content-Type', typeOf(input.contentType, await readHeadOf(handle, HEAD_BYTES)))
    // The stream takes the open file over and closes it when it ends or is cancelled.
    const stream = handle.createReadStream({ start, end, autoClose: true })
    handed = true
    return new Response(Readable.toWeb(stream) as ReadableStream, { status, headers })
  } finally {
    if (!handed) await handle.close()
  }
}

const typeOf = (contentType: string | ((head: Uint8Array) => string), head: Uint8Array) =>
  typeof contentType === 'string' ? contentType : contentType(head)
