import { aborted, raceAbort } from './abort'
import { DeliveryError } from './errors'
import { describe } from './urls'

export interface ReadCappedOptions {
  limit: number
  /** What is being read, for messages ("The manifest"). */
  what: string
  url: string
  signal?: AbortSignal
}

/**
 * A response body read into memory, but never more than `limit` bytes of it: a declared
 * Content-Length over the limit is refused before reading, and the stream is cut off as soon
 * as it passes the limit.
 */
export async function readCapped(
  response: Response,
  { limit, what, url, signal }: ReadCappedOptions,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new DeliveryError(
      'too-large',
      `${what} is larger than ${limit} bytes, the most this client accepts; it was not parsed and nothing was installed.`,
      { url },
    )
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {})
    throw tooLarge()
  }
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const next = await raceAbort(reader.read(), signal)
      if (next.done) break
      total += next.value.length
      if (total > limit) throw tooLarge()
      chunks.push(next.value)
    }
  } catch (error) {
    // Not awaited: after an abort, undici may never settle it.
    reader.cancel().catch(() => {})
    if (error instanceof DeliveryError) throw error
    if (signal?.aborted) throw aborted(error)
    throw new DeliveryError('network', `${what} broke off (${describe(error)}).`, {
      url,
      cause: error,
    })
  }
  return concat(chunks, total)
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}
