import { describeBytes, jsonBodyLimits } from '../../domain/config/jsonBodyLimits'
import { objectBody } from '../../domain/http/bodyFields'
import { exceedsJsonDepth } from '../../domain/http/jsonDepth'
import { isMultipart } from '../../domain/http/uploadRoute'
import { jsonError } from '../../lib/http/jsonError'
import type { RequestGuard } from '../../lib/http/requestGuards'

const GRAPHQL = /\/graphql\/?$/

/**
 * Every body but a multipart upload is read here, up to JSON_BODY_LIMIT and no further (a
 * declared Content-Length over it is refused unread; a chunked body is counted as it arrives),
 * then checked for nesting depth and, when it says it is JSON or goes to GraphQL, for syntax.
 * The handler gets the bytes already read, so Payload never meets a body it would choke on.
 */
export const jsonBody: RequestGuard = async (request) => {
  if (!request.body || request.method === 'GET' || request.method === 'HEAD') return undefined
  if (isMultipart(request.headers.get('content-type'))) return undefined
  const limits = jsonBodyLimits(process.env)
  const tooLarge = () =>
    jsonError(
      413,
      `The request body is over the ${describeBytes(limits.maxBytes)} limit for JSON bodies (JSON_BODY_LIMIT). Files go up as multipart uploads.`,
    )
  if (Number(request.headers.get('content-length')) > limits.maxBytes) {
    await request.body.cancel().catch(() => undefined)
    return tooLarge()
  }
  const bytes = await readAtMost(request.body, limits.maxBytes)
  if (!bytes) return tooLarge()
  const text = new TextDecoder().decode(bytes)
  if (exceedsJsonDepth(text, limits.maxDepth))
    return jsonError(
      400,
      `The JSON body is nested more than ${limits.maxDepth} levels deep (JSON_MAX_DEPTH).`,
    )
  if (saysJson(request) && text.trim() !== '') {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      return jsonError(400, `The request body is not valid JSON: ${(error as Error).message}.`)
    }
    // Every route, Payload's and ours, takes an object; Payload's handlers crash on anything else.
    const fields = objectBody(parsed)
    if (!fields.ok) return jsonError(400, fields.message)
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: bytes,
    signal: request.signal,
  })
}

function saysJson(request: Request): boolean {
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase()
  return (
    type === 'application/json' ||
    type.endsWith('+json') ||
    GRAPHQL.test(new URL(request.url).pathname)
  )
}

/** The whole body if it is at most `limit` bytes; undefined (and the stream cancelled) if not. */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
