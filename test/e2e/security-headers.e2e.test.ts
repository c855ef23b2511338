import { spawn, type ChildProcess } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl } from './helpers/browser'
import { freePort } from '../../scripts/free-port.mjs'
import { DEMO_USERS } from '../../seed/demoUsers'
import { derivedUrlOf } from '../../src/domain/media/derivedRefs'
import type { Clip } from '../../src/payload-types'

const admin = DEMO_USERS.find((u) => u.role === 'admin')!
let token = ''

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url.startsWith('http') ? url : `${baseUrl()}${url}`, { headers, redirect: 'manual' })
const signedIn = (url: string) => get(url, { authorization: `JWT ${token}` })

/** The headers every response carries, whoever serves it. */
function expectCommonHeaders(response: Response, what: string) {
  const h = response.headers
  expect(h.get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff')
  expect(h.get('x-frame-options'), `${what}: framing`).toBe('DENY')
  expect(h.get('referrer-policy'), `${what}: referrer`).toBe('no-referrer')
  expect(h.get('x-powered-by'), `${what}: X-Powered-By`).toBeNull()
}

function expectApiPolicy(response: Response, what: string) {
  const policy = response.headers.get('content-security-policy') ?? ''
  expect(policy, `${what}: policy`).toContain("default-src 'none'")
  expect(policy, `${what}: policy`).toMatch(/sandbox/)
}

async function derivedMediaUrl(): Promise<string> {
  const deadline = Date.now() + 150_000
  while (Date.now() < deadline) {
    const { docs } = (await (await signedIn('/api/clips?depth=0&limit=100')).json()) as {
      docs: Pick<Clip, 'processing'>[]
    }
    const poster = docs.find((clip) => clip.processing?.details)?.processing?.details?.poster
    if (poster) return derivedUrlOf(poster)
    await new Promise((r) => setTimeout(r, 2000))
  }
  throw new Error('no derived media appeared within 150 s')
}

beforeAll(async () => {
  const login = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  })
  token = ((await login.json()) as { token: string }).token
})

describe('security headers of the production build', () => {
  it('should give admin pages a nonce-based policy that forbids framing', async () => {
    const first = await get('/admin/login')
    const second = await get('/admin/login')
    expect(first.status).toBe(200)
    expectCommonHeaders(first, 'the sign-in page')
    const policy = first.headers.get('content-security-policy') ?? ''
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
    expect(nonce, policy).toBeTruthy()
    expect(policy).toContain("'strict-dynamic'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toContain('unsafe-eval')
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
    // Every script Next wrote into the page carries this response's nonce.
    const html = await first.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts)
      expect(tag, 'a script without the nonce').toContain(`nonce="${nonce}"`)
  })

  it('should give API answers a policy under which nothing runs', async () => {
    for (const url of ['/api/users/me', '/api/toolkits', '/api/nope']) {
      const response = await get(url)
      expectCommonHeaders(response, url)
      expectApiPolicy(response, url)
    }
    const graphql = await fetch(`${baseUrl()}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expectCommonHeaders(graphql, 'GraphQL')
    expectApiPolicy(graphql, 'GraphQL')
  })

  it('should send uploaded files and derived media with nosniff and the API policy', async () => {
    const images = (await (await signedIn('/api/images?depth=0&limit=1')).json()) as {
      docs: { filename: string }[]
    }
    const file = await signedIn(`/api/images/file/${encodeURIComponent(images.docs[0].filename)}`)
    expect(file.status).toBe(200)
    expectCommonHeaders(file, 'an uploaded image')
    expectApiPolicy(file, 'an uploaded image')
    const derived = await signedIn(await derivedMediaUrl())
    expect(derived.status).toBe(200)
    expectCommonHeaders(derived, 'derived media')
    expectApiPolicy(derived, 'derived media')
  })

  it('should send Next’s static files with nosniff', async () => {
    const html = await (await get('/admin/login')).text()
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1]
    expect(chunk).toBeTruthy()
    const response = await get(chunk!)
    expect(response.status).toBe(200)
    expectCommonHeaders(response, chunk!)
  })

  it('should send no HSTS over plain http, whatever X-Forwarded-Proto claims without TRUST_PROXY', async () => {
    for (const url of ['/admin/login', '/api/users/me']) {
      const response = await get(url, { 'x-forwarded-proto': 'https' })
      expect(response.headers.get('strict-transport-security'), url).toBeNull()
      expect(response.headers.get('content-security-policy')).not.toContain(
        'upgrade-insecure-requests',
      )
    }
  })

  it('should turn the GraphQL playground and introspection off in production', async () => {
    expect((await get('/api/graphql-playground')).status).toBe(404)
    const introspection = await fetch(`${baseUrl()}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    })
    const body = (await introspection.json()) as { data?: unknown; errors?: unknown[] }
    expect(body.errors?.length, JSON.stringify(body).slice(0, 200)).toBeGreaterThan(0)
  })
})

describe('a studio whose public URL is https', () => {
  let server: ChildProcess | undefined
  let url = ''
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-e2e-tls-'))

  beforeAll(async () => {
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    // The same build behind an imagined TLS proxy: SERVER_URL says https.
    server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_OPTIONS: '--no-deprecation',
        SERVER_URL: 'https://studio.example.org',
        PAYLOAD_SECRET: randomBytes(24).toString('hex'),
        SEED_DEMO: '0',
        MEDIA_JOBS_AUTORUN: '0',
        CDM_SIGNING_KEY: generateKeyPairSync('ed25519')
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        DATABASE_URI: `file:${path.join(tmp, 'tls.db')}`,
        DATA_DIR: path.join(tmp, 'data'),
        MEDIA_DIR: path.join(tmp, 'media'),
      },
    })
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${url}/api/users/init`)).status === 200) return
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error('the second studio did not start within 90 s')
  }, 120_000)

  afterAll(() => {
    try {
      if (server?.pid) process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('should send HSTS on pages and API answers, and upgrade insecure requests', async () => {
    for (const path of ['/admin/login', '/api/users/init']) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual' })
      expect(response.headers.get('strict-transport-security'), path).toBe(
        'max-age=31536000; includeSubDomains',
      )
    }
    const page = await fetch(`${url}/admin/login`, { redirect: 'manual' })
    expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
  })
})
