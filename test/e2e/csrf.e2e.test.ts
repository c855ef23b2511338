import { describe, expect, it, beforeAll } from 'vitest'

import { baseUrl } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

// HTTP, no browser: what a page on another site could make a signed-in designer's browser send.
const designer = DEMO_USERS.find((u) => u.role === 'designer')!
const admin = DEMO_USERS.find((u) => u.role === 'admin')!
const FOREIGN = 'https://attacker.example'

let cookie = ''
let adminToken = ''
let toolkit: { id: number; summary?: string | null }

async function signIn(user: { email: string; password: string }) {
  const response = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  expect(response.status).toBe(200)
  return response
}

/** A request carrying the designer's session cookie, as a browser would send it. */
const withCookie = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) =>
  fetch(`${baseUrl()}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const currentToolkit = async () => {
  const response = await fetch(`${baseUrl()}/api/toolkits/${toolkit.id}?depth=0`, {
    headers: { authorization: `JWT ${adminToken}` },
  })
  return (await response.json()) as { id: number; summary?: string | null }
}

beforeAll(async () => {
  const login = await signIn(designer)
  const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
  expect(setCookie, 'the sign-in sets a session cookie').toBeTruthy()
  cookie = setCookie!.split(';')[0]
  adminToken = ((await (await signIn(admin)).json()) as { token: string }).token
  const list = await fetch(`${baseUrl()}/api/toolkits?depth=0&limit=1`, {
    headers: { authorization: `JWT ${adminToken}` },
  })
  toolkit = ((await list.json()) as { docs: (typeof toolkit)[] }).docs[0]
})

describe('a request with the session cookie from another site', () => {
  it('should be refused for POST, PATCH and DELETE and change nothing', async () => {
    const before = await currentToolkit()
    const origin = { origin: FOREIGN }
    const created = await withCookie('POST', '/api/toolkits', origin, {
      title: 'Planted by another site',
      slug: `planted-${Date.now()}`,
    })
    expect([401, 403]).toContain(created.status)
    const patched = await withCookie('PATCH', `/api/toolkits/${toolkit.id}`, origin, {
      summary: 'Changed by another site',
    })
    expect([401, 403]).toContain(patched.status)
    const deleted = await withCookie('DELETE', `/api/toolkits/${toolkit.id}`, origin)
    expect([401, 403]).toContain(deleted.status)
    expect(await currentToolkit()).toEqual(before)
  })

  it('should be refused for a GraphQL mutation', async () => {
    const before = await currentToolkit()
    const response = await withCookie(
      'POST',
      '/api/graphql',
      { origin: FOREIGN },
      {
        query: `mutation { updateToolkit(id: ${JSON.stringify(toolkit.id)}, data: { summary: "Changed over GraphQL" }) { id summary } }`,
      },
    )
    const body = (await response.json()) as {
      data?: { updateToolkit?: unknown }
      errors?: unknown[]
    }
    expect(body.data?.updateToolkit ?? null).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
    expect(await currentToolkit()).toEqual(before)
  })

  it('should count as signed out when the browser says the request is cross-site', async () => {
    const me = await withCookie('GET', '/api/users/me', { 'sec-fetch-site': 'cross-site' })
    expect(((await me.json()) as { user: unknown }).user).toBeNull()
  })

  it('should work from the studio’s own pages', async () => {
    const mine = await withCookie('GET', '/api/users/me', { 'sec-fetch-site': 'same-origin' })
    expect(((await mine.json()) as { user: { email: string } | null }).user?.email).toBe(
      designer.email,
    )
    const before = await currentToolkit()
    const patched = await withCookie(
      'PATCH',
      `/api/toolkits/${toolkit.id}`,
      { origin: baseUrl() },
      {
        summary: before.summary ?? '',
      },
    )
    expect(patched.status).toBe(200)
  })
})

describe('the session cookie', () => {
  it('should be HttpOnly, Secure and SameSite=Strict in production', async () => {
    const login = await signIn(designer)
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    // Payload writes `Secure=true` and `HttpOnly=true`; browsers read the attribute's name.
    const attributes = new Map(
      setCookie
        .split(';')
        .slice(1)
        .map((part): [string, string] => {
          const [name, value = ''] = part.trim().toLowerCase().split('=')
          return [name, value]
        }),
    )
    expect(attributes.has('httponly'), setCookie).toBe(true)
    expect(attributes.has('secure'), setCookie).toBe(true)
    expect(attributes.get('samesite'), setCookie).toBe('strict')
  })
})
