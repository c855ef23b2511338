import type { Payload } from 'payload'
import { afterAll, beforeAll, expect } from 'vitest'

import { getTestPayload } from './payload'
import { startRestServer, type RestServer } from './restServer'
import { buildWorld, type World } from './world'

export interface Studio {
  payload: Payload
  world: World
  server: RestServer
}

/** A test file's studio: the Local API, a fresh world of documents, and the REST API over HTTP. */
export function setUpStudio(): Studio {
  const studio = {} as Studio
  beforeAll(async () => {
    studio.payload = await getTestPayload()
    studio.world = await buildWorld(studio.payload)
    studio.server = await startRestServer()
  })
  afterAll(async () => {
    await studio.server?.close()
    await studio.world?.cleanup()
  })
  return studio
}

/** Signs in over REST and returns the JWT for an Authorization header. */
export async function loginToken(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(response.status, `login as ${email}`).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/** A request to the studio over HTTP as the holder of `token`, with a JSON body if given. */
export function requestAs(
  baseUrl: string,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}${url}`, {
    method,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
