import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { Readable } from 'node:stream'

const CHUNK = 1024 * 1024

/** `bytes` bytes: `head` first, then zeros, one reused chunk at a time (never all at once). */
export async function* sizedBody(bytes: number, head: Uint8Array = new Uint8Array(0)) {
  yield head.subarray(0, bytes)
  const zeros = new Uint8Array(CHUNK)
  for (let sent = head.length; sent < bytes; sent += CHUNK) {
    yield zeros.subarray(0, Math.min(CHUNK, bytes - sent))
  }
}

/**
 * An MP4 of about `bytes` bytes that ffprobe and Payload accept: a real short clip followed by
 * one `free` box of zeros, which players skip. Only the clip is held in memory.
 */
export function paddedMp4(clip: Uint8Array, bytes: number) {
  const padding = bytes - clip.length
  if (padding < 8 || padding > 0xffffffff) throw new RangeError(`Cannot pad to ${bytes} bytes.`)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(padding, 0)
  header.write('free', 4, 'latin1')
  return async function* () {
    yield clip
    yield* sizedBody(padding, header)
  }
}

export interface UploadAnswer {
  status: number
  body: string
  /** Bytes of the file part written before the server answered. */
  sent: number
}

/**
 * A multipart POST whose file part comes from `file`, sent with chunked encoding (no
 * Content-Length) so the server cannot tell the size up front. Stops sending as soon as the
 * server answers, as a browser does.
 */
export function streamedUpload(input: {
  url: string
  authorization?: string
  fileName: string
  mimeType: string
  file: () => AsyncIterable<Uint8Array>
}): Promise<UploadAnswer> {
  const boundary = `----cdm-bench-${randomBytes(8).toString('hex')}`
  const opening = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n` +
      `${JSON.stringify({ title: 'bench', alt: 'bench' })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${input.fileName}"\r\n` +
      `Content-Type: ${input.mimeType}\r\n\r\n`,
  )
  const closing = Buffer.from(`\r\n--${boundary}--\r\n`)
  let sent = 0
  let answered = false
  async function* body() {
    yield opening
    for await (const chunk of input.file()) {
      if (answered) return
      sent += chunk.length
      yield chunk
    }
    yield closing
  }
  return new Promise((resolve, reject) => {
    const request = http.request(input.url, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(input.authorization ? { authorization: input.authorization } : {}),
      },
    })
    const source = Readable.from(body())
    request.on('response', (response) => {
      answered = true
      source.unpipe(request)
      source.destroy()
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        request.destroy()
        resolve({ status: response.statusCode ?? 0, body: text, sent })
      })
    })
    request.on('error', (error) => {
      if (!answered) reject(error)
    })
    source.pipe(request)
  })
}
