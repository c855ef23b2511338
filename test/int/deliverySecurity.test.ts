import { createHmac, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { loginToken, requestAs, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { DeliveryError, createDeliveryClient, defaultStateFile } from '../../src/delivery-client'
import { MediaFixtures } from './media/helpers/fixtures'
import { REVOCATION_BOUND_MS, cachedApiKeyStrategy } from '../../src/lib/auth/cachedApiKeys'
import { forgetStoredApiKeys } from '../../src/lib/auth/forgetStoredApiKeys'

const studio = setUpStudio()
const fixtures = new MediaFixtures()
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-delivery-security-'))
const apps: (number | string)[] = []
let adminToken = ''
let publisherToken = ''

beforeAll(async () => {
  const { server, world } = studio
  adminToken = await loginToken(server.url, world.users.admin.email, PASSWORD)
  publisherToken = await loginToken(server.url, world.users.publisher.email, PASSWORD)
})

afterAll(async () => {
  for (const id of apps)
    await studio.payload.delete({ collection: 'delivery-apps', id }).catch(() => undefined)
  fixtures.remove()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const keysWith = (key: string) =>
  fetch(`${studio.server.url}/api/delivery/keys`, {
    headers: { authorization: `delivery-apps API-Key ${key}` },
  })
const rawApp = (id: number | string) =>
  studio.payload.db.findOne<{
    id: number | string
    apiKey?: string | null
    apiKeyIndex?: string | null
  }>({
    collection: 'delivery-apps',
    where: { id: { equals: id } },
  })
const hmac = (algorithm: 'sha1' | 'sha256', key: string) =>
  createHmac(algorithm, studio.payload.secret).update(key).digest('hex')

describe('delivery app API keys', () => {
  it('should store only the index of a key an admin creates over REST, never the key', async () => {
    const key = randomUUID()
    const created = await requestAs(studio.server.url, adminToken, 'POST', '/api/delivery-apps', {
      name: 'Kiosk',
      enableAPIKey: true,
      apiKey: key,
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number } }
    apps.push(doc.id)

    const row = await rawApp(doc.id)
    expect(row?.apiKey ?? null).toBeNull()
    expect(row?.apiKeyIndex).toBe(hmac('sha256', key))
    expect((await keysWith(key)).status).toBe(200)
    // Nothing hands it out again: not the API, not Payload's reveal endpoint.
    const read = await requestAs(
      studio.server.url,
      adminToken,
      'GET',
      `/api/delivery-apps/${doc.id}`,
    )
    expect(await read.text()).not.toContain(key)
    const reveal = await requestAs(
      studio.server.url,
      adminToken,
      'POST',
      `/api/delivery-apps/${doc.id}/api-key/reveal`,
    )
    expect(reveal.status).not.toBe(200)
    expect(await reveal.text()).not.toContain(key)
  })

  it('should regenerate and revoke a key the way the admin does, keeping no key either time', async () => {
    const first = randomUUID()
    const created = await requestAs(studio.server.url, adminToken, 'POST', '/api/delivery-apps', {
      name: 'Rotated',
    })
    const { doc } = (await created.json()) as { doc: { id: number } }
    apps.push(doc.id)
    // The admin's "Generate new API key" on a saved app: a PATCH with the new key.
    const patch = (body: unknown) =>
      requestAs(studio.server.url, adminToken, 'PATCH', `/api/delivery-apps/${doc.id}`, body)
    expect((await patch({ apiKey: first, enableAPIKey: true })).status).toBe(200)
    expect((await keysWith(first)).status).toBe(200)
    const second = randomUUID()
    expect((await patch({ apiKey: second, enableAPIKey: true })).status).toBe(200)
    expect((await keysWith(first)).status).toBe(401)
    expect((await keysWith(second)).status).toBe(200)
    expect((await rawApp(doc.id))?.apiKey ?? null).toBeNull()
    // Saving other fields leaves the key working; "Revoke" ends it at once in this process.
    expect((await patch({ description: 'Kiosk in reception' })).status).toBe(200)
    expect((await keysWith(second)).status).toBe(200)
    expect((await patch({ apiKey: null, enableAPIKey: false })).status).toBe(200)
    expect((await keysWith(second)).status).toBe(401)
  })

  it('should refuse a key too short to be kept as a fast hash, naming the field', async () => {
    const before = (await studio.payload.count({ collection: 'delivery-apps' })).totalDocs
    const refused = await requestAs(studio.server.url, adminToken, 'POST', '/api/delivery-apps', {
      name: 'Weak',
      enableAPIKey: true,
      apiKey: 'password123',
    })
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as {
      errors: { data?: { errors?: { path: string; message: string }[] } }[]
    }
    expect(body.errors[0].data?.errors?.[0]).toEqual({
      path: 'apiKey',
      message: expect.stringContaining('at least 32 characters'),
    })
    expect((await studio.payload.count({ collection: 'delivery-apps' })).totalDocs).toBe(before)
  })

  it('should migrate a key stored the old way: encrypted, indexed with SHA-1', async () => {
    const { payload } = studio
    const key = randomUUID()
    const app = await payload.create({
      collection: 'delivery-apps',
      data: { name: 'Legacy', enableAPIKey: true, apiKey: key },
    })
    apps.push(app.id)
    await payload.db.updateOne({
      collection: 'delivery-apps',
      id: app.id,
      data: { apiKey: payload.encrypt(key), apiKeyIndex: hmac('sha1', key) },
    })
    expect((await rawApp(app.id))?.apiKey).toEqual(expect.any(String))

    expect(await forgetStoredApiKeys(payload)).toBeGreaterThanOrEqual(1)
    const row = await rawApp(app.id)
    expect(row?.apiKey ?? null).toBeNull()
    expect(row?.apiKeyIndex).toBe(hmac('sha256', key))
    expect((await keysWith(key)).status).toBe(200)
    expect(await forgetStoredApiKeys(payload)).toBe(0)
  })

  it('should stop accepting a key revoked by another process within the 30 s bound', async () => {
    const { payload } = studio
    const key = randomUUID()
    const app = await payload.create({
      collection: 'delivery-apps',
      data: { name: 'Revoked elsewhere', enableAPIKey: true, apiKey: key },
    })
    apps.push(app.id)
    let clock = 1_000_000
    const strategy = cachedApiKeyStrategy('delivery-apps', { now: () => clock })
    const authenticate = async () =>
      (
        await strategy.authenticate({
          headers: new Headers({ authorization: `delivery-apps API-Key ${key}` }),
          payload,
        } as Parameters<typeof strategy.authenticate>[0])
      ).user
    expect(await authenticate()).toMatchObject({ id: app.id })

    // What another studio process's revocation looks like from here: the row changes, and no
    // hook of this process runs.
    await payload.db.updateOne({
      collection: 'delivery-apps',
      id: app.id,
      data: { apiKeyIndex: null, enableAPIKey: false },
    })
    expect(REVOCATION_BOUND_MS).toBeLessThanOrEqual(30_000)
    clock += REVOCATION_BOUND_MS - 1
    expect(await authenticate()).toMatchObject({ id: app.id })
    clock += 1
    expect(await authenticate()).toBeNull()
  })
})

describe('delivery of releases', () => {
  let made: ReleasableToolkit
  const base = () => `/api/delivery/toolkits/${made.toolkit.slug}/releases`
  const query = () => `audience=${made.audience.slug}&locale=en-GB`
  const delivery = (url: string) =>
    fetch(`${studio.server.url}${url}`, {
      headers: { authorization: `delivery-apps API-Key ${made.apiKey}` },
    })
  const ids: Record<string, number> = {}
  /** 1.1.0's manifest and signature as served while it was published, for replaying. */
  let captured: { bytes: Uint8Array<ArrayBuffer>; signature: string; keyId: string }

  const publish = async (version: string) => {
    const api = (method: string, url: string, body?: unknown) =>
      requestAs(studio.server.url, publisherToken, method, url, body)
    const created = await api('POST', '/api/releases', {
      toolkit: made.toolkit.id,
      version,
      audiences: [made.audience.id],
      locales: ['en-GB'],
      accents: [made.accent.id],
    })
    expect(created.status).toBe(201)
    ids[version] = ((await created.json()) as { doc: { id: number } }).doc.id
    expect((await api('POST', `/api/releases/${ids[version]}/publish`)).status).toBe(202)
    await studio.payload.jobs.run({ queue: 'releases', limit: 5 })
    expect(
      (await studio.payload.findByID({ collection: 'releases', id: ids[version] })).status,
    ).toBe('published')
  }
  const withdraw = (version: string) =>
    requestAs(studio.server.url, publisherToken, 'POST', `/api/releases/${ids[version]}/withdraw`, {
      reason: `Version ${version} named the wrong accent`,
    })

  beforeAll(async () => {
    const { payload, world } = studio
    await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
    made = await makeReleasableToolkit(payload, world, fixtures)
    await publish('1.0.0')
    await publish('1.1.0')
    const manifest = await delivery(`${base()}/1.1.0/manifest.json?${query()}`)
    captured = {
      bytes: new Uint8Array(await manifest.arrayBuffer()),
      signature: manifest.headers.get('x-cdm-signature')!,
      keyId: manifest.headers.get('x-cdm-key-id')!,
    }
  })

  afterAll(async () => {
    await made?.remove()
  })

  it('should mark the bundle private, since it sits behind an API key; assets stay public', async () => {
    const bundle = await delivery(`${base()}/1.1.0/bundle.zip?${query()}`)
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('cache-control')).toBe('private, max-age=60')
    await bundle.body?.cancel()
    const manifest = (await (
      await delivery(`${base()}/1.1.0/manifest.json?${query()}`)
    ).json()) as {
      assets: Record<string, unknown>
    }
    const asset = await delivery(`/api/delivery/assets/${Object.keys(manifest.assets)[0]}`)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    await asset.body?.cancel()
  })

  it('should refuse to roll a device back after its release is withdrawn, and keep its files', async () => {
    const client = createDeliveryClient({ baseUrl: studio.server.url, apiKey: made.apiKey })
    const pinnedKeys = await client.keys()
    const outDir = path.join(tmp, 'device')
    const sync = () =>
      client.syncRelease({
        toolkit: made.toolkit.slug,
        audience: made.audience.slug,
        locale: 'en-GB',
        outDir,
        pinnedKeys,
      })
    expect((await sync()).version).toBe('1.1.0')
    const files = fs.readdirSync(path.join(outDir, 'assets')).sort()

    expect((await withdraw('1.1.0')).status).toBe(200)
    const latest = (await (await delivery(`${base()}/latest?${query()}`)).json()) as {
      version: string
      withdrawn: { version: string; reason: string | null }[]
    }
    expect(latest.version).toBe('1.0.0')
    expect(latest.withdrawn).toEqual([
      { version: '1.1.0', reason: 'Version 1.1.0 named the wrong accent' },
    ])

    const error = (await sync().catch((e: unknown) => e)) as DeliveryError
    expect(error).toBeInstanceOf(DeliveryError)
    expect(error.code).toBe('rollback')
    expect(error.message).toContain('offers release 1.0.0')
    expect(error.message).toContain('older than 1.1.0, which is already installed')
    expect(error.message).toContain('the studio must publish a release newer than 1.1.0')
    expect(error.message).toContain(defaultStateFile(outDir))
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
      release: { version: string }
    }
    expect(manifest.release.version).toBe('1.1.0')
    expect(fs.readdirSync(path.join(outDir, 'assets')).sort()).toEqual(files)
  })

  it('should refuse a validly signed withdrawn release replayed by a hostile mirror', async () => {
    const outDir = path.join(tmp, 'second-device')
    const options = {
      toolkit: made.toolkit.slug,
      audience: made.audience.slug,
      locale: 'en-GB',
      outDir,
    }
    const honest = createDeliveryClient({ baseUrl: studio.server.url, apiKey: made.apiKey })
    const pinnedKeys = await honest.keys()
    expect((await honest.syncRelease({ ...options, pinnedKeys })).version).toBe('1.0.0')

    // The mirror answers "latest" with the withdrawn 1.1.0 and replays its signed manifest.
    const mirror: typeof fetch = async (input, init) => {
      const url = new URL(String(input))
      if (url.pathname.endsWith('/releases/latest')) {
        return Response.json({
          version: '1.1.0',
          manifestUrl: `${base()}/1.1.0/manifest.json?${query()}`,
          bundleUrl: null,
          publishedAt: '2026-12-01T00:00:00.000Z',
        })
      }
      if (url.pathname.endsWith('/1.1.0/manifest.json')) {
        return new Response(captured.bytes, {
          headers: { 'x-cdm-signature': captured.signature, 'x-cdm-key-id': captured.keyId },
        })
      }
      return fetch(input, init)
    }
    const hostile = createDeliveryClient({
      baseUrl: studio.server.url,
      apiKey: made.apiKey,
      fetch: mirror,
    })
    const error = (await hostile
      .syncRelease({ ...options, pinnedKeys })
      .catch((e: unknown) => e)) as DeliveryError
    expect(error).toBeInstanceOf(DeliveryError)
    expect(error.code).toBe('withdrawn')
    expect(error.message).toBe(
      `Release 1.1.0 of ${made.toolkit.slug} (audience ${made.audience.slug}, en-GB) was withdrawn by the studio: Version 1.1.0 named the wrong accent. It is validly signed, but a withdrawn release is never installed; nothing was changed.`,
    )
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
      release: { version: string }
    }
    expect(manifest.release.version).toBe('1.0.0')
  })
})
