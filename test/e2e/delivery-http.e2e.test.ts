import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startOwnStudio, type OwnStudio } from './helpers/ownStudio'
import { DEMO_USERS } from '../../seed/demoUsers'
import { assetKey } from '../../src/domain/storage/mediaKeys'

/**
 * The delivery API as the production server (`npm start`) serves it: through the delivery tier
 * in front of Next, whose router would gzip what it may. An asset's bytes, ranges and ETag must
 * reach the client as stored, and web apps on listed origins get CORS.
 */
const PLAYER = 'https://player.example.org'
const admin = DEMO_USERS.find((u) => u.role === 'admin')!
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-e2e-delivery-media-'))
// A caption file big enough for gzip, stored as a release's assets are.
const vtt = Buffer.from(
  `WEBVTT\n\n${Array.from({ length: 200 }, (_, i) => `00:00:${String(i % 60).padStart(2, '0')}.000 --> 00:00:${String(i % 60).padStart(2, '0')}.500\nCue number ${i}, long enough to be worth compressing.\n`).join('\n')}`,
)
const sha = createHash('sha256').update(vtt).digest('hex')
const apiKey = `${randomUUID()}${randomUUID()}`
let studio: OwnStudio

interface Raw {
  status: number
  header: (name: string) => string | null
  body: Buffer
}

/** A request whose body is read as sent: fetch would undo a gzip without saying so. */
const raw = (url: string, headers: Record<string, string>, method = 'GET') =>
  new Promise<Raw>((resolve, reject) => {
    const request = http.request(`${studio.url}${url}`, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          header: (name) => {
            const value = response.headers[name.toLowerCase()]
            return Array.isArray(value) ? value.join(', ') : (value ?? null)
          },
          body: Buffer.concat(chunks),
        }),
      )
    })
    request.on('error', reject)
    request.end()
  })
const asApp = { authorization: `delivery-apps API-Key ${apiKey}`, 'accept-encoding': 'gzip, br' }

beforeAll(async () => {
  const file = path.join(mediaDir, ...assetKey(sha).split('/'))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, vtt)
  studio = await startOwnStudio({
    SEED_DEMO: '1',
    MEDIA_DIR: mediaDir,
    DELIVERY_CORS_ORIGINS: PLAYER,
  })
  const login = await fetch(`${studio.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: studio.url },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  })
  const { token } = (await login.json()) as { token: string }
  const created = await fetch(`${studio.url}/api/delivery-apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ name: 'Browser player', enableAPIKey: true, apiKey }),
  })
  expect(created.status).toBe(201)
}, 180_000)

afterAll(async () => {
  await studio?.stop()
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

describe('delivery under next start', () => {
  it('should be answered by the delivery tier in front of Next, a read-only API that says so', async () => {
    const keys = await raw('/api/delivery/keys', asApp)
    expect(keys.status).toBe(200)
    // Next's router would gzip this JSON; the tier sends JSON as it is (manifests it gzips
    // itself, under their own ETag: test/int/deliverySecurity.test.ts).
    expect(keys.header('content-encoding')).toBeNull()
    const write = await raw('/api/delivery/keys', asApp, 'POST')
    expect(write.status).toBe(405)
    expect(write.header('allow')).toBe('GET, HEAD, OPTIONS')
    expect(JSON.parse(write.body.toString('utf8'))).toEqual({
      errors: [{ message: 'The delivery API is read-only: use GET, HEAD, OPTIONS, not POST.' }],
    })
    const head = await raw('/api/delivery/keys', asApp, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(Number(head.header('content-length'))).toBe(keys.body.length)
  })

  it('should answer a Range on a WebVTT asset with the stored bytes, not a gzip body', async () => {
    const ranged = await raw(`/api/delivery/assets/${sha}.vtt`, {
      ...asApp,
      range: 'bytes=100-2099',
    })
    expect(ranged.status).toBe(206)
    expect(ranged.header('content-type')).toBe('text/vtt')
    expect(ranged.header('content-encoding')).toBeNull()
    expect(ranged.header('content-range')).toBe(`bytes 100-2099/${vtt.length}`)
    expect(ranged.body.equals(vtt.subarray(100, 2100))).toBe(true)
  })

  it('should send the bytes its ETag names', async () => {
    const whole = await raw(`/api/delivery/assets/${sha}`, asApp)
    expect(whole.status).toBe(200)
    expect(whole.header('content-encoding')).toBeNull()
    expect(whole.header('etag')).toBe(`"${createHash('sha256').update(whole.body).digest('hex')}"`)
  })

  it('should answer a listed origin’s preflight and expose ETag and Content-Range to it', async () => {
    const preflight = await raw(
      `/api/delivery/assets/${sha}.vtt`,
      {
        origin: PLAYER,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, range',
      },
      'OPTIONS',
    )
    expect(preflight.status).toBe(204)
    expect(preflight.header('access-control-allow-origin')).toBe(PLAYER)
    expect(preflight.header('access-control-allow-headers')).toMatch(/Authorization/)
    expect(preflight.header('access-control-allow-credentials')).toBeNull()
    const read = await raw(`/api/delivery/assets/${sha}`, {
      ...asApp,
      origin: PLAYER,
      range: 'bytes=0-5',
    })
    expect(read.status).toBe(206)
    expect(read.header('access-control-allow-origin')).toBe(PLAYER)
    expect(read.header('access-control-expose-headers')).toMatch(/ETag.*Content-Range/)
    expect(read.header('vary')).toMatch(/\bOrigin\b/)
  })

  it('should give an unlisted origin no CORS header at all', async () => {
    for (const method of ['OPTIONS', 'GET']) {
      const answer = await raw(
        `/api/delivery/assets/${sha}`,
        { ...asApp, origin: 'https://evil.example.org', 'access-control-request-method': 'GET' },
        method,
      )
      const cors = ['allow-origin', 'allow-methods', 'allow-headers', 'expose-headers', 'max-age']
      for (const name of cors)
        expect(answer.header(`access-control-${name}`), `${method} ${name}`).toBeNull()
    }
  })
})
