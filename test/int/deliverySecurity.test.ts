import { createHash, createHmac, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishRelease, withdrawRelease } from './helpers/publishRelease'
import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { startRestServer, type RestServer } from './helpers/restServer'
import { loginToken, requestAs, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { DeliveryError, createDeliveryClient, defaultStateFile } from '../../src/delivery-client'
import { MediaFixtures } from './media/helpers/fixtures'
import { assetKey } from '../../src/domain/storage/mediaKeys'
import { REVOCATION_BOUND_MS, cachedApiKeyStrategy } from '../../src/lib/auth/cachedApiKeys'
import { forgetStoredApiKeys } from '../../src/lib/auth/forgetStoredApiKeys'
import { mediaStore } from '../../src/lib/storage/store'

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
    ids[version] = await publishRelease(studio, publisherToken, made, version)
  }
  const withdraw = (version: string) =>
    withdrawRelease(
      studio,
      publisherToken,
      ids[version],
      `Version ${version} named the wrong accent`,
    )

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

  it('should gzip a manifest once, under an ETag of its own, for a client that accepts it', async () => {
    const url = `${studio.server.url}${base()}/1.1.0/manifest.json?${query()}`
    const headers = (extra: Record<string, string>) => ({
      authorization: `delivery-apps API-Key ${made.apiKey}`,
      ...extra,
    })
    const plain = await fetch(url, { headers: headers({ 'accept-encoding': 'identity' }) })
    expect(plain.headers.get('content-encoding')).toBeNull()
    const bytes = Buffer.from(await plain.arrayBuffer())
    const sha = createHash('sha256').update(bytes).digest('hex')
    expect(plain.headers.get('etag')).toBe(`"${sha}"`)
    const compressed = await fetch(url, { headers: headers({ 'accept-encoding': 'gzip' }) })
    expect(compressed.headers.get('content-encoding')).toBe('gzip')
    expect(compressed.headers.get('etag')).toBe(`"${sha}.gz"`)
    expect(compressed.headers.get('vary')).toMatch(/Accept-Encoding/)
    expect(Number(compressed.headers.get('content-length'))).toBeLessThan(bytes.length / 2)
    // fetch undoes the gzip: the signed bytes arrive as they were signed.
    expect(Buffer.from(await compressed.arrayBuffer()).equals(bytes)).toBe(true)
    for (const [encoding, etag] of [
      ['gzip', `"${sha}.gz"`],
      ['identity', `"${sha}"`],
    ]) {
      const again = await fetch(url, {
        headers: headers({ 'accept-encoding': encoding, 'if-none-match': etag }),
      })
      expect(again.status, encoding).toBe(304)
    }
    const crossed = await fetch(url, {
      headers: headers({ 'accept-encoding': 'gzip', 'if-none-match': `"${sha}"` }),
    })
    expect(crossed.status).toBe(200)
    await crossed.body?.cancel()
  })

  it('should mark the bundle private, since it sits behind an API key; assets stay public', async () => {
    const bundle = await delivery(`${base()}/1.1.0/bundle.zip?${query()}`)
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('cache-control')).toBe('private, max-age=60, no-transform')
    await bundle.body?.cancel()
    const manifest = (await (
      await delivery(`${base()}/1.1.0/manifest.json?${query()}`)
    ).json()) as {
      assets: Record<string, unknown>
    }
    const asset = await delivery(`/api/delivery/assets/${Object.keys(manifest.assets)[0]}`)
    expect(asset.headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable, no-transform',
    )
    await asset.body?.cancel()
  })

  it('should serve each kind of asset with the type its manifest declares', async () => {
    const manifest = JSON.parse(Buffer.from(captured.bytes).toString('utf8')) as {
      assets: Record<string, { mime: string }>
    }
    const declared = Object.entries(manifest.assets)
    // One of each kind a release holds, so a kind that went missing fails here too.
    expect(new Set(declared.map(([, asset]) => asset.mime))).toEqual(
      new Set([
        'application/vnd.apple.mpegurl',
        'video/mp2t',
        'text/vtt',
        'audio/mp4',
        'video/mp4',
        'image/jpeg',
        'application/pdf',
      ]),
    )
    for (const [sha, { mime }] of declared) {
      for (const range of [undefined, 'bytes=0-9']) {
        const served = await fetch(`${studio.server.url}/api/delivery/assets/${sha}`, {
          headers: {
            authorization: `delivery-apps API-Key ${made.apiKey}`,
            ...(range ? { range } : {}),
          },
        })
        expect(served.headers.get('content-type'), `${sha} (${mime}) ${range ?? ''}`).toBe(mime)
        await served.body?.cancel()
      }
    }
  })

  it('should serve an asset by its sha256 with its extension, and refuse a wrong or unknown one', async () => {
    const manifest = JSON.parse(Buffer.from(captured.bytes).toString('utf8')) as {
      assets: Record<string, { mime: string; file: string }>
    }
    const extensionOf: Record<string, string> = {
      'application/vnd.apple.mpegurl': 'm3u8',
      'video/mp2t': 'ts',
      'text/vtt': 'vtt',
      'audio/mp4': 'm4a',
      'video/mp4': 'mp4',
      'image/jpeg': 'jpg',
      'application/pdf': 'pdf',
    }
    const get = (name: string, headers: Record<string, string> = {}) =>
      fetch(`${studio.server.url}/api/delivery/assets/${name}`, {
        headers: { authorization: `delivery-apps API-Key ${made.apiKey}`, ...headers },
      })
    for (const [sha, { mime, file }] of Object.entries(manifest.assets)) {
      const extension = extensionOf[mime]
      // The manifest names it so, and the API answers that name.
      expect(file).toBe(`${sha}.${extension}`)
      const named = await get(file)
      expect(named.status, `${sha}.${extension}`).toBe(200)
      expect(named.headers.get('content-type')).toBe(mime)
      expect(named.headers.get('etag')).toBe(`"${sha}"`)
      const bytes = Buffer.from(await named.arrayBuffer())
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha)
      const ranged = await get(`${sha}.${extension}`, { range: 'bytes=0-9' })
      expect(ranged.status).toBe(206)
      await ranged.body?.cancel()
      // The name apps in the field use still works.
      const bare = await get(sha)
      expect(bare.status).toBe(200)
      await bare.body?.cancel()
    }
    const [voice] = Object.entries(manifest.assets).find(([, a]) => a.mime === 'audio/mp4')!
    const wrong = await get(`${voice}.mp4`)
    expect(wrong.status).toBe(404)
    expect(await wrong.text()).toContain(`fetch it as ${voice}.m4a, not .mp4`)
    const unknown = await get(`${voice}.exe`)
    expect(unknown.status).toBe(400)
    const { errors } = (await unknown.json()) as { errors: { message: string }[] }
    expect(errors[0].message).toMatch(/^"\.exe" is not an asset extension: use one of m3u8, /)
    for (const odd of [`${voice}.M4A`, `${voice}.m4a.m4a`, `${voice}.`])
      expect((await get(odd)).status, odd).toBe(400)
  })

  // Payload's delivery endpoints (the path under `next dev`), behind Next's compression.
  describe('through the compression `next start` applies', () => {
    let compressing: RestServer
    const vtt = Buffer.from(
      `WEBVTT\n\n${Array.from({ length: 200 }, (_, i) => `00:00:${String(i % 60).padStart(2, '0')}.000 --> 00:00:${String(i % 60).padStart(2, '0')}.500\nCue number ${i}, long enough to be worth compressing.\n`).join('\n')}`,
    )
    const vttSha = createHash('sha256').update(vtt).digest('hex')
    const gzipped = (url: string, headers: Record<string, string> = {}) =>
      fetch(`${compressing.url}${url}`, {
        headers: {
          authorization: `delivery-apps API-Key ${made.apiKey}`,
          'accept-encoding': 'gzip',
          ...headers,
        },
      })

    beforeAll(async () => {
      // A caption file big enough for gzip, stored as a release's assets are.
      await mediaStore().put(assetKey(vttSha), { bytes: vtt })
      compressing = await startRestServer({
        isCompressedLikeNextStart: true,
        isDeliveryThroughPayload: true,
      })
    })
    afterAll(async () => {
      await compressing?.close()
      await mediaStore().delete(assetKey(vttSha))
    })

    it('should check the extension of an asset in no release against its bytes', async () => {
      const named = await gzipped(`/api/delivery/assets/${vttSha}.vtt`, { range: 'bytes=0-5' })
      expect(named.status).toBe(206)
      expect(await named.text()).toBe('WEBVTT')
      const wrong = await gzipped(`/api/delivery/assets/${vttSha}.m3u8`)
      expect(wrong.status).toBe(404)
      expect(await wrong.text()).toContain(`fetch it as ${vttSha}.vtt, not .m3u8`)
    })

    it('should answer a Range with the stored bytes it names, never a gzip body', async () => {
      const ranged = await gzipped(`/api/delivery/assets/${vttSha}`, { range: 'bytes=100-2099' })
      expect(ranged.status).toBe(206)
      expect(ranged.headers.get('content-type')).toBe('text/vtt')
      expect(ranged.headers.get('content-encoding')).toBeNull()
      expect(ranged.headers.get('content-range')).toBe(`bytes 100-2099/${vtt.length}`)
      expect(Buffer.from(await ranged.arrayBuffer()).equals(vtt.subarray(100, 2100))).toBe(true)
    })

    it('should send the bytes its ETag names, for assets and manifests alike', async () => {
      const whole = await gzipped(`/api/delivery/assets/${vttSha}`)
      expect(whole.headers.get('content-encoding')).toBeNull()
      expect(whole.headers.get('etag')).toBe(`"${vttSha}"`)
      expect(
        createHash('sha256')
          .update(Buffer.from(await whole.arrayBuffer()))
          .digest('hex'),
      ).toBe(vttSha)
      const manifest = await gzipped(`${base()}/1.1.0/manifest.json?${query()}`)
      expect(manifest.status).toBe(200)
      expect(manifest.headers.get('content-encoding')).toBeNull()
      const bytes = Buffer.from(await manifest.arrayBuffer())
      expect(bytes.length).toBeGreaterThan(1024) // past gzip's threshold: it would compress it
      expect(manifest.headers.get('etag')).toBe(
        `"${createHash('sha256').update(bytes).digest('hex')}"`,
      )
    })
  })

  describe('to web apps on other origins (DELIVERY_CORS_ORIGINS)', () => {
    const app = 'https://player.example.org'
    const before = process.env.DELIVERY_CORS_ORIGINS
    let asset = ''
    const raw = (method: string, url: string, headers: Record<string, string>) =>
      fetch(`${studio.server.url}${url}`, { method, headers })
    const corsHeadersOf = (response: Response) =>
      [...response.headers.keys()].filter((key) => key.startsWith('access-control-'))

    beforeAll(() => {
      process.env.DELIVERY_CORS_ORIGINS = `${app}, http://localhost:5173`
      const manifest = JSON.parse(Buffer.from(captured.bytes).toString('utf8')) as {
        assets: Record<string, unknown>
      }
      asset = `/api/delivery/assets/${Object.keys(manifest.assets)[0]}`
    })
    afterAll(() => {
      if (before === undefined) delete process.env.DELIVERY_CORS_ORIGINS
      else process.env.DELIVERY_CORS_ORIGINS = before
    })

    it('should answer a listed origin’s preflight without a key: methods, Authorization, max age', async () => {
      const preflight = await raw('OPTIONS', asset, {
        origin: app,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, range',
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe(app)
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Range/)
      expect(Number(preflight.headers.get('access-control-max-age'))).toBeGreaterThan(0)
      expect(preflight.headers.get('vary')).toMatch(/\bOrigin\b/)
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    })

    it('should let a listed origin read a ranged asset, its ETag and Content-Range, and a refusal', async () => {
      const ranged = await raw('GET', asset, {
        origin: app,
        authorization: `delivery-apps API-Key ${made.apiKey}`,
        range: 'bytes=0-9',
      })
      expect(ranged.status).toBe(206)
      expect(ranged.headers.get('access-control-allow-origin')).toBe(app)
      const exposed = ranged.headers.get('access-control-expose-headers') ?? ''
      for (const name of ['ETag', 'Content-Range', 'Content-Length', 'Accept-Ranges'])
        expect(exposed).toContain(name)
      expect(ranged.headers.get('vary')).toMatch(/\bOrigin\b/)
      expect(ranged.headers.get('access-control-allow-credentials')).toBeNull()
      await ranged.body?.cancel()
      const manifest = await raw('GET', `${base()}/1.1.0/manifest.json?${query()}`, {
        origin: 'http://localhost:5173',
        authorization: `delivery-apps API-Key ${made.apiKey}`,
      })
      expect(manifest.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      expect(manifest.headers.get('access-control-expose-headers')).toContain('X-CDM-Signature')
      await manifest.body?.cancel()
      // The app can read why it was refused, not just that the request failed.
      const refused = await raw('GET', asset, { origin: app })
      expect(refused.status).toBe(401)
      expect(refused.headers.get('access-control-allow-origin')).toBe(app)
    })

    it('should give unlisted and odd origins no CORS header at all, but Vary: Origin', async () => {
      for (const origin of [
        'https://evil.example.org',
        'https://player.example.org.evil.example',
        'http://player.example.org',
        'https://player.example.org:8443',
        'null',
      ]) {
        const preflight = await raw('OPTIONS', asset, {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        })
        expect(corsHeadersOf(preflight), origin).toEqual([])
        await preflight.body?.cancel()
        const read = await raw('GET', asset, {
          origin,
          authorization: `delivery-apps API-Key ${made.apiKey}`,
        })
        expect(read.status).toBe(200)
        expect(corsHeadersOf(read), origin).toEqual([])
        expect(read.headers.get('vary')).toMatch(/\bOrigin\b/)
        await read.body?.cancel()
      }
    })

    it('should not take an OPTIONS without Access-Control-Request-Method for a preflight', async () => {
      const options = await raw('OPTIONS', asset, { origin: app })
      expect(options.headers.get('access-control-allow-methods')).toBeNull()
      expect(options.headers.get('access-control-max-age')).toBeNull()
      await options.body?.cancel()
    })

    it('should leave the rest of the API out of it, even for a listed origin', async () => {
      for (const method of ['GET', 'OPTIONS']) {
        const other = await raw(method, '/api/users/me', {
          origin: app,
          'access-control-request-method': 'GET',
        })
        expect(other.headers.get('access-control-allow-origin'), method).toBeNull()
        expect(other.headers.get('access-control-expose-headers'), method).toBeNull()
        expect(other.headers.get('access-control-max-age'), method).toBeNull()
        await other.body?.cancel()
      }
    })
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
