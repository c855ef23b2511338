import { mediaStore } from './store'
import { matchesIfNoneMatch } from '../../domain/http/conditional'
import { parseRange } from '../../domain/http/range'
import type { MediaKey } from '../../domain/storage/mediaKeys'
import { answerAsResponse, type HttpAnswer } from '../http/answer'

/**
 * Up to this size a whole object is read in one call and sent as bytes: a stream costs more per
 * request than the copy (most delivery assets are posters, playlists and segments of a few KiB).
 */
const BUFFERED_MAX_BYTES = 256 * 1024
const HEAD_BYTES = 512
/** Large reads per chunk: fewer calls and copies per megabyte streamed (Node has no sendfile). */
const STREAM_CHUNK_BYTES = 256 * 1024

/** What a response answers with when there is no object under the key. */
export class NotStored extends Error {}

export interface StoredRequest {
  key: MediaKey
  contentType: string | ((head: Uint8Array) => string)
  rangeHeader: string | null
  cacheControl: string
  etag?: string
  ifNoneMatch?: string | null
}

/**
 * A stored object as an HTTP answer with Range support (206), as video players and HLS
 * clients need, and a 304 for a client whose copy carries the object's ETag. `contentType` may
 * be a function of the first bytes, for objects stored without an extension. Rejects with
 * NotStored when there is no object.
 */
export async function storedAnswer(input: StoredRequest): Promise<HttpAnswer> {
  const store = mediaStore()
  const stat = await store.stat(input.key)
  if (!stat) throw new NotStored(`Nothing is stored under ${input.key}.`)
  const size = stat.bytes
  const range = parseRange(input.rangeHeader, size)
  const headers: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Cache-Control': input.cacheControl,
    ...(input.etag ? { ETag: input.etag } : {}),
  }
  if (input.etag && matchesIfNoneMatch(input.ifNoneMatch, input.etag))
    return { status: 304, headers, body: null }
  if (range.kind === 'unsatisfiable')
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, body: null }
  const { start, end } = range.kind === 'partial' ? range : { start: 0, end: size - 1 }
  headers['Content-Length'] = String(Math.max(0, end - start + 1))
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${size}`
  const status = range.kind === 'partial' ? 206 : 200
  if (range.kind === 'full' && size <= BUFFERED_MAX_BYTES) {
    const bytes = size === 0 ? Buffer.alloc(0) : await store.read(input.key).catch(notStored)
    headers['Content-Type'] = typeOf(input.contentType, bytes.subarray(0, HEAD_BYTES))
    return { status, headers, body: bytes }
  }
  // The first bytes are read only when they decide the type, not on every large response.
  headers['Content-Type'] =
    typeof input.contentType === 'string'
      ? input.contentType
      : input.contentType(
          await store.read(input.key, { start: 0, end: HEAD_BYTES - 1 }).catch(notStored),
        )
  const stream = await store
    .stream(input.key, { range: { start, end }, chunkBytes: STREAM_CHUNK_BYTES })
    .catch(notStored)
  return { status, headers, body: stream }
}

/** storedAnswer as a web Response, for Payload's endpoints. */
export const serveStored = async (input: StoredRequest): Promise<Response> =>
  answerAsResponse(await storedAnswer(input))

/** The object went between stat and read; any other failure (a disk fault) stays what it is. */
const notStored = (error: unknown): never => {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new NotStored((error as Error).message)
  throw error
}

const typeOf = (contentType: string | ((head: Uint8Array) => string), head: Uint8Array) =>
  typeof contentType === 'string' ? contentType : contentType(head)
