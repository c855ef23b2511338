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
      const started = performance.now()
      const response = await fetch(`${baseUrl}/api/${collection}`, {
        method: 'POST',
        headers: { authorization },
        body: form,
      })
      return answerOf(response, started)
    },
  }
}

/** The answer's JSON when its status is `expected`; otherwise an error naming what failed. */
export function expectStatus<T>(answer: Answer<T>, expected: number, what: string): T {
  if (answer.status !== expected)
    throw new Error(`${what}: HTTP ${answer.status}, expected ${expected}: ${answer.text}`)
  return answer.json
}
