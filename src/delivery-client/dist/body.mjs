// Generated from src/delivery-client/body.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { aborted, raceAbort } from './abort.mjs'
import { DeliveryError } from './errors.mjs'
import { describe } from './urls.mjs'
/**
 * A response body read into memory, but never more than `limit` bytes of it: a declared
 * Content-Length over the limit is refused before reading, and the stream is cut off as soon
 * as it passes the limit.
 */
export async function readCapped(response, { limit, what, url, signal }) {
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
  const chunks = []
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
function concat(chunks, total) {
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}
