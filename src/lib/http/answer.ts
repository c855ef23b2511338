import type { ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * An HTTP answer before it is sent, so one implementation can answer through Payload's
 * endpoints (a web Response) and through the delivery tier's plain node:http server alike.
 * A body is bytes already in memory or a stream already opened (so a missing object was found
 * out before anything was promised).
 */
export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  body: Uint8Array | Readable | null
}

const encoder = new TextEncoder()

export const jsonAnswer = (
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: encoder.encode(JSON.stringify(value)),
})

/** Errors in Payload's own shape, as src/lib/http/jsonError.ts sends them. */
export const errorAnswer = (status: number, message: string, data?: unknown): HttpAnswer =>
  jsonAnswer(status, { errors: [{ message, ...(data === undefined ? {} : { data }) }] })

export function answerAsResponse({ status, headers, body }: HttpAnswer): Response {
  if (body instanceof Readable)
    return new Response(Readable.toWeb(body) as ReadableStream, { status, headers })
  // A view of the answer's own bytes, never a copy.
  const bytes = body && new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length)
  return new Response(bytes && bytes.length > 0 ? bytes : null, { status, headers })
}

/**
 * Sends an answer on a node:http response, its headers in one writeHead (the cheapest way Node
 * takes them). A stream is piped with backpressure and destroyed when the client goes away; a
 * HEAD request gets the headers only.
 */
export async function writeAnswer(
  response: ServerResponse,
  answer: HttpAnswer,
  { isHead = false, extraHeaders = [] as readonly (readonly [string, string])[] } = {},
): Promise<void> {
  const { body } = answer
  const headers: string[] = []
  for (const name in answer.headers) headers.push(name, answer.headers[name])
  for (const [name, value] of extraHeaders) headers.push(name, value)
  const isBytes = body !== null && !(body instanceof Readable)
  if (isBytes && answer.headers['Content-Length'] === undefined)
    headers.push('Content-Length', String(body.length))
  response.writeHead(answer.status, headers)
  if (body instanceof Readable) {
    if (isHead) {
      body.destroy()
      response.end()
      return
    }
    await pipeline(body, response).catch(() => undefined)
    return
  }
  response.end(isHead || !body ? undefined : body)
}
