import http from 'node:http'
import { performance } from 'node:perf_hooks'

import { DEMO_USERS } from '../../../seed/demoUsers'

export interface Answer<T> {
  status: number
  json: T
  text: string
  /** From sending the request to the end of the body. */
  ms: number
}

export type Role = (typeof DEMO_USERS)[number]['role']

/** The studio's REST API over HTTP as one signed-in person (a JWT in the header). */
export interface Api {
  request<T = unknown>(method: string, pathname: string, body?: unknown): Promise<Answer<T>>
  /** A multipart upload: `_payload` as JSON and one file. */
  upload<T = unknown>(
    collection: string,
    data: Record<string, unknown>,
    file: { name: string; mime: string; bytes: Uint8Array<ArrayBuffer> },
  ): Promise<Answer<T>>
}

async function answerOf<T>(response: Response, started: number): Promise<Answer<T>> {
  const text = await response.text()
  let json: T
  try {
    json = JSON.parse(text) as T
  } catch {
    json = undefined as T
  }
  return { status: response.status, json, text, ms: performance.now() - started }
}

/** Signs in as the demo user with `role` and returns their API. */
export async function signInAs(baseUrl: string, role: Role): Promise<Api> {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`seed/demoUsers.ts has no ${role}`)
  const login = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  if (login.status !== 200)
    throw new Error(`sign-in as ${user.email}: HTTP ${login.status} ${await login.text()}`)
  const authorization = `JWT ${((await login.json()) as { token: string }).token}`
  return {
    async request(method, pathname, body) {
      const started = performance.now()
      const response = await fetch(`${baseUrl}${pathname}`, {
        method,
        headers: { authorization, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return answerOf(response, started)
    },
    async upload(collection, data, file) {
      const form = new FormData()
      form.append('_payload', JSON.stringify(data))
      form.append('file', new Blob([file.bytes], { type: file.mime }), file.name)
      // The multipart body as fetch would encode it, sent on a connection of its own: a pooled
      // keep-alive socket the server has just closed as idle fails the write (EPIPE), and a
      // browser would quietly send such a request again on a new connection.
      const encoded = new Response(form)
      const body = Buffer.from(await encoded.arrayBuffer())
      const started = performance.now()
      const { status, text } = await new Promise<{ status: number; text: string }>(
        (resolve, reject) => {
          const request = http.request(`${baseUrl}/api/${collection}`, {
            method: 'POST',
            agent: false,
            headers: {
              authorization,
              'content-type': encoded.headers.get('content-type')!,
              'content-length': String(body.length),
            },
          })
          request.on('response', (response) => {
            let received = ''
            response.setEncoding('utf8')
            response.on('data', (chunk: string) => (received += chunk))
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text: received }))
            response.on('error', reject)
          })
          request.on('error', reject)
          request.end(body)
        },
      )
      return answerOf(new Response(text, { status }), started)
    },
  }
}

/** The answer's JSON when its status is `expected`; otherwise an error naming what failed. */
export function expectStatus<T>(answer: Answer<T>, expected: number, what: string): T {
  if (answer.status !== expected)
    throw new Error(`${what}: HTTP ${answer.status}, expected ${expected}: ${answer.text}`)
  return answer.json
}
