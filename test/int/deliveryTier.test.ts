import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishRelease, withdrawRelease } from './helpers/publishRelease'
import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { startRestServer, type RestServer } from './helpers/restServer'
import { loginToken, setUpStudio } from './helpers/studio'
import { startStudioProcess, type StudioProcess } from './helpers/studioProcess'
import { PASSWORD } from './helpers/world'
import { MediaFixtures } from './media/helpers/fixtures'
import { freePort } from '../../scripts/free-port.mjs'
import { createDeliveryClient } from '../../src/delivery-client'

/**
 * The delivery tier as its own process (`npm run delivery`), on the same database and media as
 * the studio in this process: it answers exactly as the studio's own delivery endpoints do, and
 * learns of releases, withdrawals and revoked keys made elsewhere within its bound.
 */
const studio = setUpStudio()
const fixtures = new MediaFixtures()
const ORIGIN = 'https://player.example.org'
/** The tier polls for changes every second; a change must be seen well within this. */
const CHANGE_BOUND_MS = 5_000
let made: ReleasableToolkit
let publisherToken = ''
let tier: StudioProcess
let tierUrl = ''
let throughPayload: RestServer
const ids: Record<string, number> = {}

beforeAll(async () => {
  const { payload, world, server } = studio
  publisherToken = await loginToken(server.url, world.users.publisher.email, PASSWORD)
  await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  made = await makeReleasableToolkit(payload, world, fixtures)
  ids['1.0.0'] = await publishRelease(studio, publisherToken, made, '1.0.0')
  throughPayload = await startRestServer({ isDeliveryThroughPayload: true })
  const port = await freePort()
  tierUrl = `http://127.0.0.1:${port}`
  tier = await startStudioProcess(['--import', 'tsx', 'scripts/delivery-runner.ts'], {
    env: {
      DELIVERY_PORT: String(port),
      DELIVERY_HOST: '127.0.0.1',
      DELIVERY_CORS_ORIGINS: ORIGIN,
    },
    readyLine: /delivery: listening/,
  })
})

afterAll(async () => {
  await tier?.killGroup()
  await throughPayload?.close()
  await made?.remove()
  fixtures.remove()
})

const asApp = (key = made.apiKey) => ({ authorization: `delivery-apps API-Key ${key}` })
const base = () => `/api/delivery/toolkits/${made.toolkit.slug}/releases`
const query = () => `audience=${made.audience.slug}&locale=en-GB`

async function until(what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > CHANGE_BOUND_MS)
      throw new Error(`${what}: not seen within ${CHANGE_BOUND_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return Date.now() - started
}

describe('the delivery tier in its own process', () => {
  // Both in identity: only the tier gzips manifests (Next drops a route's Content-Encoding).
  it('should answer every route exactly as the studio’s delivery endpoints do', async () => {
    const manifest = await fetch(`${tierUrl}${base()}/1.0.0/manifest.json?${query()}`, {
      headers: asApp(),
    })
    const assets = Object.keys(
      ((await manifest.json()) as { assets: Record<string, unknown> }).assets,
    )
    const cases: [string, Record<string, string>][] = [
      ['/api/delivery/toolkits', asApp()],
      [`${base()}/latest?${query()}`, asApp()],
      [`${base()}/1.0.0/manifest.json?${query()}`, { ...asApp(), 'accept-encoding': 'identity' }],
      [`${base()}/1.0.0/bundle.zip?${query()}`, { ...asApp(), range: 'bytes=0-99' }],
      [`${base()}/1.0.0/delta?${query()}&from=1.0.0`, asApp()],
      [`/api/delivery/assets/${assets[0]}`, { ...asApp(), range: 'bytes=1-10' }],
      [`/api/delivery/assets/${assets[1]}`, { ...asApp(), 'if-none-match': `"${assets[1]}"` }],
      ['/api/delivery/keys', asApp()],
      ['/api/delivery/keys', asApp('not-a-key')],
      [`${base()}/9.9.9/manifest.json?${query()}`, asApp()],
      [`${base()}/1.0/manifest.json?${query()}`, asApp()],
      [`${base()}/latest?audience=nobody&locale=en-GB`, asApp()],
      [`${base()}/latest?audience=${made.audience.slug}&locale=fr`, asApp()],
      [
        `${base()}/latest?audience=${made.audience.slug}&audience=x&locale=en-GB&locale=cy`,
        asApp(),
      ],
      [`/api/delivery/assets/${'0'.repeat(64)}`, asApp()],
      ['/api/delivery/assets/not-a-sha', asApp()],
      ['/api/delivery/toolkits/%E2%80/releases/latest', asApp()],
    ]
    const compared = ['content-type', 'etag', 'cache-control', 'content-range', 'content-encoding']
    for (const [url, headers] of cases) {
      const [ours, theirs] = await Promise.all(
        [tierUrl, throughPayload.url].map((at) => fetch(`${at}${url}`, { headers })),
      )
      expect(ours.status, url).toBe(theirs.status)
      expect(ours.status, url).toBeLessThan(500)
      for (const name of [...compared, 'x-cdm-signature', 'x-cdm-key-id'])
        expect(ours.headers.get(name), `${url} ${name}`).toBe(theirs.headers.get(name))
      expect(Buffer.from(await ours.arrayBuffer()), url).toEqual(
        Buffer.from(await theirs.arrayBuffer()),
      )
    }
  })

  it('should list each toolkit with the outputs released, audiences by name', async () => {
    const answer = await fetch(`${tierUrl}/api/delivery/toolkits`, { headers: asApp() })
    const { toolkits } = (await answer.json()) as {
      toolkits: { slug: string; latestVersion: string; outputs: unknown[] }[]
    }
    const audience = await studio.payload.findByID({
      collection: 'audiences',
      id: made.audience.id,
      locale: 'en-GB',
    })
    expect(toolkits.find((t) => t.slug === made.toolkit.slug)).toMatchObject({
      latestVersion: '1.0.0',
      outputs: [{ audience: made.audience.slug, label: audience.label, locale: 'en-GB' }],
    })
  })

  it('should let the delivery client sync and verify a release from it', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-tier-sync-'))
    try {
      const client = createDeliveryClient({ baseUrl: tierUrl, apiKey: made.apiKey })
      const synced = await client.syncRelease({
        toolkit: made.toolkit.slug,
        audience: made.audience.slug,
        locale: 'en-GB',
        outDir,
        pinnedKeys: await client.keys(),
      })
      expect(synced.version).toBe('1.0.0')
      expect(synced.downloaded.length).toBeGreaterThanOrEqual(4)
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true })
    }
  })

  it('should answer HEAD, refuse writes with 405, and give listed origins CORS', async () => {
    const url = `${tierUrl}${base()}/1.0.0/manifest.json?${query()}`
    const head = await fetch(url, { method: 'HEAD', headers: asApp() })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toMatch(/^"[0-9a-f]{64}(\.gz)?"$/)
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const write = await fetch(url, { method, headers: asApp(), body: '{}' })
      expect(write.status, method).toBe(405)
      expect(write.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    }
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const read = await fetch(url, { headers: { ...asApp(), origin: ORIGIN } })
    expect(read.headers.get('access-control-expose-headers')).toMatch(/ETag/)
    expect(read.headers.get('vary')).toMatch(/Origin/)
    expect(read.headers.get('x-content-type-options')).toBe('nosniff')
    const elsewhere = await fetch(`${tierUrl}/api/clips`, { headers: asApp() })
    expect(elsewhere.status).toBe(404)
  })

  it('should serve a release published by another process, and refuse it once withdrawn', async () => {
    ids['1.1.0'] = await publishRelease(studio, publisherToken, made, '1.1.0')
    const latest = async () => {
      const answer = await fetch(`${tierUrl}${base()}/latest?${query()}`, { headers: asApp() })
      return ((await answer.json()) as { version?: string }).version
    }
    await until('the new release', async () => (await latest()) === '1.1.0')
    const withdrawn = await withdrawRelease(studio, publisherToken, ids['1.1.0'], 'Wrong accent')
    expect(withdrawn.status).toBe(200)
    const manifest = `${tierUrl}${base()}/1.1.0/manifest.json?${query()}`
    await until('the withdrawal', async () => {
      const answer = await fetch(manifest, { headers: asApp() })
      await answer.body?.cancel()
      return answer.status === 410
    })
    expect(await latest()).toBe('1.0.0')
  })

  it('should refuse a key deleted in another process within the bound', async () => {
    const key = `tier-${randomUUID()}-${randomUUID()}`
    const app = await studio.payload.create({
      collection: 'delivery-apps',
      data: { name: 'Short-lived', enableAPIKey: true, apiKey: key },
    })
    const keys = () => fetch(`${tierUrl}/api/delivery/keys`, { headers: asApp(key) })
    expect((await keys()).status).toBe(200)
    await studio.payload.delete({ collection: 'delivery-apps', id: app.id })
    await until('the revocation', async () => (await keys()).status === 401).catch((error) => {
      console.log(tier.lines.slice(-40).join('\n'))
      throw error
    })
  })

  it('should keep answering after a hostile request of every kind, never with a 5xx', async () => {
    const hostile: [string, RequestInit][] = [
      [`${base()}/latest?${query()}&audience[$ne]=x`, { headers: asApp() }],
      [`${base()}/1.0.0/delta?${query()}&from[]=1.0.0`, { headers: asApp() }],
      [`/api/delivery/assets/${'a'.repeat(64)}`, { headers: { ...asApp(), range: 'bytes=-0' } }],
      [`/api/delivery/assets/${'a'.repeat(64)}`, { headers: { ...asApp(), range: 'bytes=9-1' } }],
      ['/api/delivery/keys', { headers: { authorization: 'delivery-apps API-Key ' } }],
      ['/api/delivery/keys', { headers: { authorization: 'x'.repeat(8000) } }],
      [`/api/delivery/${'../'.repeat(20)}etc/passwd`, { headers: asApp() }],
      ['/api/delivery/toolkits/%00/releases/latest', { headers: asApp() }],
    ]
    for (const [url, init] of hostile) {
      const answer = await fetch(`${tierUrl}${url}`, init)
      expect(answer.status, url).toBeLessThan(500)
      const text = await answer.text()
      expect(text, url).not.toMatch(/at .*\.ts:\d+|\/work\//)
    }
    expect((await fetch(`${tierUrl}/api/delivery/keys`, { headers: asApp() })).status).toBe(200)
  })
})
