import { spawn } from 'node:child_process'
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest'

import {
  DeliveryError,
  type DeliveryManifest,
  checkManifestAssets,
  type SyncProgress,
  createDeliveryClient,
  defaultStateFile,
  keyIdOf,
  verifyManifest,
} from '../../src/delivery-client'
import { parseManifest } from '../../src/delivery-client/manifest'
import { buildManifest } from '../../src/domain/manifest/buildManifest'
import { canonicalJsonBytes } from '../../src/domain/manifest/canonicalJson'
import type { Manifest } from '../../src/domain/manifest/types'
import type { Clip, FileRef } from '../../src/domain/releases/model'
import { type SigningKeys, loadSigningKeys, signDetached } from '../../src/lib/signing'

const API_KEY = 'test-delivery-key'
const TOOLKIT = 'healthy-relationships'
const AUDIENCE = 'mainstream'
const LOCALE = 'en-GB'

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-delivery-client-test-'))
let dirCount = 0
const freshDir = () => path.join(tempRoot, `out-${dirCount++}`)

afterAll(() => {
  fs.rmSync(tempRoot, { recursive: true, force: true })
})

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A signing key as the server would load it from CDM_SIGNING_KEY. */
function serverKeys(): SigningKeys {
  const { privateKey } = generateKeyPairSync('ed25519')
  return loadSigningKeys({
    env: { CDM_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
    dataDir: tempRoot,
  })
}

// ---------------------------------------------------------------------------------------------
// The files of a release: one clip with one accent, so five assets.

type FileName = 'poster' | 'hls' | 'offline' | 'voice' | 'captions'
type Files = Record<FileName, Buffer>

const baseFiles: Files = {
  poster: randomBytes(3_000),
  hls: Buffer.from('#EXTM3U\n#EXT-X-VERSION:7\n'),
  // Large enough that a connection cut half-way leaves a useful .part.
  offline: randomBytes(256 * 1024),
  voice: randomBytes(40_000),
  captions: Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n'),
}

const ref = (bytes: Buffer): FileRef => ({ sha256: sha256(bytes), bytes: bytes.length })

function manifestFor(version: string, files: Files, audience = AUDIENCE): Manifest {
  const clip: Clip = {
    id: 'c1',
    slug: 'first-meeting',
    title: 'First meeting',
    audiences: [],
    variantOf: null,
    variantAudience: null,
    processing: { status: 'ready', durationMs: 45_000, reason: null },
    voiceTracks: [{ accentId: 'ac1', stale: false, file: ref(files.voice) }],
    captions: [{ locale: LOCALE, stale: false, file: ref(files.captions) }],
    poster: ref(files.poster),
    hls: ref(files.hls),
    offline: [{ accentTag: 'en-GB-x-geordie', ...ref(files.offline) }],
  }
  return buildManifest({
    toolkit: { id: 't1', slug: TOOLKIT, title: 'Healthy Relationships' },
    release: {
      version,
      previous: null,
      publishedAt: '2026-11-27T10:00:00.000Z',
      changelog: [`Release ${version}.`],
      credits: ['River'],
    },
    audience: { id: 'a1', slug: audience, label: audience },
    locale: LOCALE,
    modules: [
      {
        id: 'm1',
        slug: 'foundation',
        title: 'Foundation',
        order: 1,
        mandatory: true,
        audiences: [],
      },
    ],
    exercises: [
      {
        id: 'e1',
        moduleId: 'm1',
        slug: 'first-meeting',
        title: 'First meeting',
        order: 1,
        clipId: 'c1',
        audiences: [],
        minutes: 15,
        worksheet: { intro: 'About first meetings.', questions: [] },
        task: 'Talk to someone you trust.',
        keyPoints: ['Notice the signs.'],
        diaryPrompts: ['When did you feel calm?'],
      },
    ],
    clips: [clip],
    accents: [{ id: 'ac1', label: 'Geordie', tag: 'en-GB-x-geordie' }],
  })
}

/** The same release as a version 2 manifest, from before assets had file names. */
function asSchema2(manifest: Manifest): Omit<Manifest, 'schema' | 'assets'> & {
  schema: 'cdm-manifest/2'
  assets: Record<string, { bytes: number; mime: string; file?: string }>
} {
  const assets = Object.fromEntries(
    Object.entries(manifest.assets).map(([sha, { bytes, mime }]) => [sha, { bytes, mime }]),
  )
  return { ...manifest, schema: 'cdm-manifest/2', assets }
}

// ---------------------------------------------------------------------------------------------
// A delivery server implementing the API contract, with knobs to misbehave.

interface Published {
  bytes: Uint8Array
  signature: { keyId: string; signature: string }
}

interface AssetRequest {
  /** The name it was asked for by: `<sha256>` or `<sha256>.<ext>`. */
  name: string
  range: string | null
  manifestOnDisk: boolean
}

const keys = serverKeys()
const server = {
  url: '',
  latest: '1.0.0',
  releases: new Map<string, Published>(),
  /** What the server answers for each sha256 (normally the file itself). */
  assets: new Map<string, Buffer>(),
  /** Each asset's file name, as its manifest gives it. */
  files: new Map<string, string>(),
  assetRequests: new Map<string, AssetRequest[]>(),
  manifestRequests: { ok: 0, notModified: 0 },
  /** Assets whose next response is cut off half-way. */
  cutOnce: new Set<string>(),
  /** Assets answered with a redirect to the CDN server. */
  redirectToCdn: new Set<string>(),
  /** Assets answered with a redirect to a plain-http host on the network. */
  redirectInsecure: new Set<string>(),
  /** Withdrawn releases the latest-release answer lists. */
  withdrawn: [] as { version: string; reason: string | null }[],
  /** Versions whose manifest answers 410 Gone. */
  gone: new Set<string>(),
  /** The output folder of the sync under test, to see whether the manifest exists yet. */
  watchDir: '',
  tamper: {} as {
    bytes?: (bytes: Uint8Array) => Uint8Array
    signature?: string
    keyId?: string
    /** Send the manifest in chunks without a Content-Length. */
    chunked?: boolean
  },
  reset() {
    this.assetRequests.clear()
    this.manifestRequests = { ok: 0, notModified: 0 }
    this.cutOnce.clear()
    this.redirectToCdn.clear()
    this.redirectInsecure.clear()
    this.withdrawn = []
    this.gone.clear()
    this.tamper = {}
    this.watchDir = ''
  },
  requestsFor(sha: string) {
    return this.assetRequests.get(sha) ?? []
  },
  /** Publishes a release signed with `signer` and makes it the latest. */
  publish(
    version: string,
    files: Files,
    options: { signer?: SigningKeys; audience?: string; schema2?: boolean } = {},
  ) {
    const manifest = options.schema2
      ? asSchema2(manifestFor(version, files, options.audience))
      : manifestFor(version, files, options.audience)
    const bytes = canonicalJsonBytes(manifest)
    const signed = signDetached(bytes, (options.signer ?? keys).active)
    this.releases.set(version, { bytes, signature: signed })
    for (const file of Object.values(files)) this.assets.set(sha256(file), file)
    const names = Object.entries(manifest.assets).map(([sha, asset]) => asset.file ?? sha)
    for (const [sha, asset] of Object.entries(manifest.assets))
      this.files.set(sha, asset.file ?? sha)
    this.latest = version
    return { bytes, files, shas: Object.values(files).map(sha256).sort(), names: names.sort() }
  },
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

const sendError = (res: http.ServerResponse, status: number, message: string) =>
  sendJson(res, status, { errors: [{ message }] })

const httpServer = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.headers.authorization !== `delivery-apps API-Key ${API_KEY}`) {
    return sendError(res, 401, 'The API key is missing, wrong or revoked.')
  }
  let match: RegExpExecArray | null
  if (url.pathname === '/api/delivery/keys') {
    return sendJson(res, 200, { keys: keys.publicKeys })
  }
  if ((match = /^\/api\/delivery\/toolkits\/([^/]+)\/releases\/latest$/.exec(url.pathname))) {
    if (match[1] === 'withdrawn-toolkit') {
      return sendError(res, 410, 'Release 2.0.0 of withdrawn-toolkit was withdrawn.')
    }
    if (match[1] !== TOOLKIT) return sendError(res, 404, `No toolkit "${match[1]}".`)
    const query = `audience=${url.searchParams.get('audience')}&locale=${url.searchParams.get('locale')}`
    const base = `/api/delivery/toolkits/${TOOLKIT}/releases/${server.latest}`
    return sendJson(res, 200, {
      version: server.latest,
      manifestUrl: `${base}/manifest.json?${query}`,
      bundleUrl: `${base}/bundle.zip?${query}`,
      publishedAt: '2026-11-27T10:00:00.000Z',
      withdrawn: server.withdrawn,
    })
  }
  if (
    (match = /^\/api\/delivery\/toolkits\/[^/]+\/releases\/([^/]+)\/manifest\.json$/.exec(
      url.pathname,
    ))
  ) {
    const release = server.releases.get(match[1])
    if (!release) return sendError(res, 404, 'No such release.')
    if (server.gone.has(match[1])) return sendError(res, 410, `Release ${match[1]} was withdrawn.`)
    const etag = `"${sha256(release.bytes).slice(0, 32)}"`
    if (req.headers['if-none-match'] === etag) {
      server.manifestRequests.notModified += 1
      res.writeHead(304, { ETag: etag })
      return res.end()
    }
    server.manifestRequests.ok += 1
    const { tamper } = server
    const bytes = tamper.bytes ? tamper.bytes(release.bytes) : release.bytes
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(tamper.chunked ? {} : { 'Content-Length': bytes.length }),
      ETag: etag,
      'X-CDM-Signature': tamper.signature ?? release.signature.signature,
      'X-CDM-Key-Id': tamper.keyId ?? release.signature.keyId,
    })
    if (tamper.chunked) {
      for (let i = 0; i < bytes.length; i += 4096) res.write(bytes.subarray(i, i + 4096))
      return res.end()
    }
    return res.end(bytes)
  }
  if ((match = /^\/api\/delivery\/assets\/(([0-9a-f]{64})(?:\.[a-z0-9]+)?)$/.exec(url.pathname))) {
    const [, name, sha] = match
    const range = req.headers.range ?? null
    server.assetRequests.set(sha, [
      ...server.requestsFor(sha),
      {
        name,
        range,
        manifestOnDisk:
          server.watchDir !== '' && fs.existsSync(path.join(server.watchDir, 'manifest.json')),
      },
    ])
    const body = server.assets.get(sha)
    if (!body) return sendError(res, 404, `No asset ${sha}.`)
    if (server.redirectInsecure.has(sha)) {
      res.writeHead(302, { Location: `http://cdn.example.invalid/files/${sha}` })
      return res.end()
    }
    if (server.redirectToCdn.has(sha)) {
      res.writeHead(302, { Location: `${cdn.url}/files/${sha}` })
      return res.end()
    }
    if (server.cutOnce.delete(sha)) {
      // Promise the whole file, send half, then close the connection cleanly (FIN, not RST,
      // so the client really receives the half).
      res.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'video/mp4' })
      res.write(body.subarray(0, body.length / 2), () => {
        setTimeout(() => req.socket.end(), 30)
      })
      return
    }
    const ranged = range ? /^bytes=(\d+)-$/.exec(range) : null
    if (ranged) {
      const start = Number(ranged[1])
      if (start >= body.length) {
        res.writeHead(416, { 'Content-Range': `bytes */${body.length}` })
        return res.end()
      }
      res.writeHead(206, {
        'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}`,
        'Content-Length': body.length - start,
      })
      return res.end(body.subarray(start))
    }
    res.writeHead(200, { 'Content-Length': body.length, 'Cache-Control': 'immutable' })
    return res.end(body)
  }
  sendError(res, 404, 'Not found.')
})

/** Another host assets can be redirected to, recording the Authorization headers it sees. */
const cdn = {
  url: '',
  authorization: [] as (string | undefined)[],
  server: http.createServer((req, res) => {
    cdn.authorization.push(req.headers.authorization)
    const body = server.assets.get(req.url?.split('/').pop() ?? '')
    if (!body) return sendError(res, 404, 'Not on the CDN.')
    res.writeHead(200, { 'Content-Length': body.length })
    res.end(body)
  }),
}

beforeAll(async () => {
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  server.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  // localhost rather than 127.0.0.1: a different origin on the same machine.
  await new Promise<void>((resolve) => cdn.server.listen(0, '127.0.0.1', resolve))
  cdn.url = `http://localhost:${(cdn.server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const s of [httpServer, cdn.server]) {
    s.closeAllConnections()
    await new Promise((resolve) => s.close(resolve))
  }
})

beforeEach(() => server.reset())

const pinnedKeys = keys.publicKeys.map((k) => k.publicKey)
const client = () => createDeliveryClient({ baseUrl: server.url, apiKey: API_KEY })
const query = { toolkit: TOOLKIT, audience: AUDIENCE, locale: LOCALE }

function sync(
  outDir: string,
  options: Partial<Parameters<ReturnType<typeof client>['syncRelease']>[0]> = {},
) {
  server.watchDir = outDir
  return client().syncRelease({ ...query, outDir, pinnedKeys, ...options })
}

/** The DeliveryError a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(DeliveryError)
    return error as DeliveryError
  }
  throw new Error('Expected the promise to reject.')
}

/** Compared by hash: a deep equality over 256 KB byte by byte takes most of a second. */
/** Where a synced asset lies: `assets/` and its file name in the latest manifest. */
const assetFile = (outDir: string, sha: string) =>
  path.join(outDir, 'assets', server.files.get(sha) ?? sha)
const expectAsset = (outDir: string, file: Buffer) =>
  expect(sha256(fs.readFileSync(assetFile(outDir, sha256(file))))).toBe(sha256(file))
const listAssets = (outDir: string) => fs.readdirSync(path.join(outDir, 'assets')).sort()
const readManifest = (outDir: string) =>
  JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest
const leftovers = (outDir: string) =>
  [...fs.readdirSync(outDir), ...listAssets(outDir)].filter((name) => /\.(part|tmp)$/.test(name))

const v1 = server.publish('1.0.0', baseFiles)

describe('delivery client types', () => {
  it('should describe exactly the cdm-manifest/3 shape the studio builds, and read versions 1 and 2', () => {
    // Type-level: tsc fails if the vendored types drift from the domain's.
    expectTypeOf<Omit<DeliveryManifest, 'schema'>>().toEqualTypeOf<Omit<Manifest, 'schema'>>()
    expectTypeOf<DeliveryManifest['schema']>().toEqualTypeOf<
      Manifest['schema'] | 'cdm-manifest/1' | 'cdm-manifest/2'
    >()
  })
})

describe('parseManifest', () => {
  const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

  it('should read a version 1 manifest, from before credits, as crediting nobody', () => {
    const current = manifestFor('1.0.0', baseFiles)
    const { credits: _credits, ...release } = current.release
    const v1 = { ...current, schema: 'cdm-manifest/1', release }
    expect(parseManifest(bytesOf(v1)).release.credits).toEqual([])
    expect(parseManifest(bytesOf(current)).release.credits).toEqual(['River'])
  })

  it('should read a version 2 manifest, from before file names, as naming files by sha256', () => {
    const current = manifestFor('1.0.0', baseFiles)
    const read = parseManifest(bytesOf(asSchema2(current)))
    for (const [sha, asset] of Object.entries(read.assets)) expect(asset.file).toBe(sha)
    expect(Object.values(parseManifest(bytesOf(current)).assets).map((a) => a.file)).toEqual(
      Object.keys(current.assets).map((sha) => expect.stringMatching(`^${sha}\\.[a-z0-9]+$`)),
    )
  })

  it('should refuse a manifest whose printable worksheets or file names are not in its asset table', () => {
    const withPdf = { ...manifestFor('1.0.0', baseFiles), printable: 'f'.repeat(64) }
    expect(() => checkManifestAssets(parseManifest(bytesOf(withPdf)))).toThrow(
      `printable points at "${'f'.repeat(64)}", which the asset table does not list`,
    )
    const renamed = manifestFor('1.0.0', baseFiles)
    const [sha] = Object.keys(renamed.assets)
    for (const file of ['../../etc/passwd', `${'0'.repeat(64)}.mp4`, `${sha}/x.mp4`]) {
      renamed.assets[sha].file = file
      expect(() => checkManifestAssets(parseManifest(bytesOf(renamed))), file).toThrow(
        `Asset ${sha} has file name ${JSON.stringify(file)}`,
      )
    }
  })

  it('should refuse a manifest of a version it does not know', () => {
    const future = { ...manifestFor('1.0.0', baseFiles), schema: 'cdm-manifest/4' }
    expect(() => parseManifest(bytesOf(future))).toThrow(
      'not a cdm-manifest/1 or cdm-manifest/2 or cdm-manifest/3 document (schema: "cdm-manifest/4"); this client may be too old for it',
    )
  })
})

describe('syncRelease', () => {
  it('should download every asset on a full sync and write the manifest last', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const events: SyncProgress[] = []
    const result = await sync(outDir, {
      onProgress: (p) => {
        events.push(p)
        if (p.phase === 'finalise' && events.filter((e) => e.phase === 'finalise').length === 1) {
          // At the switch-over every file is already in place and no manifest was written.
          expect(listAssets(outDir)).toEqual(v1.names)
          expect(fs.existsSync(path.join(outDir, 'manifest.json'))).toBe(false)
        }
      },
    })

    expect(result).toEqual({
      version: '1.0.0',
      downloaded: v1.shas,
      reused: [],
      removed: [],
      bytesDownloaded: Object.values(baseFiles).reduce((sum, f) => sum + f.length, 0),
    })
    for (const file of Object.values(baseFiles)) {
      expectAsset(outDir, file)
    }
    for (const sha of v1.shas) {
      expect(server.requestsFor(sha)).toEqual([
        { name: server.files.get(sha), range: null, manifestOnDisk: false },
      ])
    }
    expect(new Uint8Array(fs.readFileSync(path.join(outDir, 'manifest.json')))).toEqual(v1.bytes)
    const sig = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.sig.json'), 'utf8'))
    const { keyId, signature } = server.releases.get('1.0.0')!.signature
    expect(sig).toEqual({ keyId, signature })
    // What was written verifies on its own, the way an app checks its copy at start-up.
    verifyManifest({
      bytes: fs.readFileSync(path.join(outDir, 'manifest.json')),
      ...sig,
      pinnedKeys,
    })
    expect(leftovers(outDir)).toEqual([])
  })

  it('should download nothing when the same release is synced again', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    await sync(outDir)
    server.reset()

    const again = await sync(outDir)
    expect(again).toEqual({
      version: '1.0.0',
      downloaded: [],
      reused: v1.shas,
      removed: [],
      bytesDownloaded: 0,
    })
    expect(server.assetRequests.size).toBe(0)
    // The manifest itself was not re-sent either: the stored ETag got a 304.
    expect(server.manifestRequests).toEqual({ ok: 0, notModified: 1 })
  })

  it('should re-download a local asset whose content no longer matches its hash', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    await sync(outDir)
    const posterSha = sha256(baseFiles.poster)
    const posterFile = assetFile(outDir, posterSha)
    const damaged = Buffer.from(baseFiles.poster)
    damaged[10] ^= 0xff
    fs.writeFileSync(posterFile, damaged)
    server.reset()

    const result = await sync(outDir)
    expect(result.downloaded).toEqual([posterSha])
    expect(result.reused).toHaveLength(4)
    expect(fs.readFileSync(posterFile)).toEqual(baseFiles.poster)
  })

  it('should download only the changed asset of a new release and remove the dropped one', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    await sync(outDir)
    server.reset()

    const newPoster = randomBytes(3_100)
    const v2 = server.publish('1.1.0', { ...baseFiles, poster: newPoster })
    const result = await sync(outDir)

    const oldPosterSha = sha256(baseFiles.poster)
    expect(result).toEqual({
      version: '1.1.0',
      downloaded: [sha256(newPoster)],
      reused: v2.shas.filter((sha) => sha !== sha256(newPoster)),
      removed: [oldPosterSha],
      bytesDownloaded: newPoster.length,
    })
    expect([...server.assetRequests.keys()]).toEqual([sha256(newPoster)])
    expect(listAssets(outDir)).toEqual(v2.names)
    expect(readManifest(outDir).release.version).toBe('1.1.0')
  })

  it('should fetch and keep each asset under its file name, with the extension of its type', async () => {
    const published = server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    await sync(outDir)
    const extensions = published.names.map((name) => name.slice(65)).sort()
    expect(extensions).toEqual(['jpg', 'm3u8', 'm4a', 'mp4', 'vtt'])
    expect(listAssets(outDir)).toEqual(published.names)
    for (const sha of published.shas)
      expect(server.requestsFor(sha).map((r) => r.name)).toEqual([server.files.get(sha)])
  })

  it('should keep the files of a version 2 release when the next one names them with extensions', async () => {
    const old = server.publish('1.0.0', baseFiles, { schema2: true })
    const outDir = freshDir()
    await sync(outDir)
    expect(listAssets(outDir)).toEqual(old.shas)
    server.reset()

    const next = server.publish('1.1.0', baseFiles)
    const result = await sync(outDir)
    // Nothing is downloaded again on a poor connection: the same bytes get their new names.
    expect(result).toMatchObject({ downloaded: [], reused: next.shas, removed: [] })
    expect(server.assetRequests.size).toBe(0)
    expect(listAssets(outDir)).toEqual(next.names)
    for (const file of Object.values(baseFiles)) expectAsset(outDir, file)
  })

  it('should resume an interrupted download with Range from the size of the .part file', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const offlineSha = sha256(baseFiles.offline)
    server.cutOnce.add(offlineSha)

    const error = await rejection(sync(outDir, { retries: 0, concurrency: 1 }))
    expect(error.code).toBe('network')
    expect(error.sha256).toBe(offlineSha)
    expect(error.message).toMatch(/broke off after \d+ of 262144 bytes/)
    const part = `${assetFile(outDir, offlineSha)}.part`
    const kept = fs.statSync(part).size
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(baseFiles.offline.length)
    expect(fs.existsSync(assetFile(outDir, offlineSha))).toBe(false)
    expect(fs.existsSync(path.join(outDir, 'manifest.json'))).toBe(false)

    const result = await sync(outDir, { retries: 0 })
    expect(server.requestsFor(offlineSha).map((r) => r.range)).toEqual([null, `bytes=${kept}-`])
    expect(result.downloaded).toContain(offlineSha)
    expectAsset(outDir, baseFiles.offline)
    expect(leftovers(outDir)).toEqual([])
    expect(readManifest(outDir).release.version).toBe('1.0.0')
  })

  it('should retry a broken-off download within the same sync, resuming where it stopped', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const offlineSha = sha256(baseFiles.offline)
    server.cutOnce.add(offlineSha)

    const result = await sync(outDir)
    const ranges = server.requestsFor(offlineSha).map((r) => r.range)
    expect(ranges).toHaveLength(2)
    expect(ranges[0]).toBeNull()
    expect(ranges[1]).toMatch(/^bytes=[1-9]\d*-$/)
    expect(result.downloaded).toEqual(v1.shas)
    expectAsset(outDir, baseFiles.offline)
  })

  it('should start over when the bytes kept in a .part file are not the asset', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const offlineSha = sha256(baseFiles.offline)
    fs.mkdirSync(path.join(outDir, 'assets'), { recursive: true })
    fs.writeFileSync(`${assetFile(outDir, offlineSha)}.part`, randomBytes(1000))

    await sync(outDir)
    expect(server.requestsFor(offlineSha).map((r) => r.range)).toEqual(['bytes=1000-', null])
    expectAsset(outDir, baseFiles.offline)
  })

  it('should follow a redirect to another host for an asset without sending it the API key', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const posterSha = sha256(baseFiles.poster)
    server.redirectToCdn.add(posterSha)
    cdn.authorization = []

    const result = await sync(outDir)
    expect(result.downloaded).toContain(posterSha)
    expect(cdn.authorization).toEqual([undefined])
    expectAsset(outDir, baseFiles.poster)
  })

  it('should reject a tampered asset as bad-asset, install nothing and keep the previous manifest', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    await sync(outDir)
    const before = fs.readFileSync(path.join(outDir, 'manifest.json'))

    const newVoice = randomBytes(40_000)
    const voiceSha = sha256(newVoice)
    server.publish('1.2.0', { ...baseFiles, voice: newVoice })
    const evil = Buffer.from(newVoice)
    evil[evil.length - 1] ^= 1
    server.assets.set(voiceSha, evil)

    const error = await rejection(sync(outDir))
    expect(error.code).toBe('bad-asset')
    expect(error.sha256).toBe(voiceSha)
    expect(error.message).toContain(voiceSha)
    expect(fs.existsSync(assetFile(outDir, voiceSha))).toBe(false)
    expect(fs.existsSync(`${assetFile(outDir, voiceSha)}.part`)).toBe(false)
    expect(fs.readFileSync(path.join(outDir, 'manifest.json'))).toEqual(before)
    // The previous release's files are all still there: it is still the one in force.
    expect(listAssets(outDir)).toEqual(v1.names)
    server.assets.set(voiceSha, newVoice)
  })

  it('should reject an asset larger than the manifest says without writing all of it', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const hlsSha = sha256(baseFiles.hls)
    server.assets.set(hlsSha, Buffer.concat([baseFiles.hls, Buffer.alloc(100)]))
    try {
      const error = await rejection(sync(outDir))
      expect(error.code).toBe('bad-asset')
      expect(error.message).toMatch(/larger than the \d+ bytes/)
      expect(listAssets(outDir)).not.toContain(`${hlsSha}.m3u8`)
    } finally {
      server.assets.set(hlsSha, baseFiles.hls)
    }
  })

  it.each([
    [
      'manifest bytes',
      () => {
        server.tamper.bytes = (bytes) =>
          new TextEncoder().encode(
            new TextDecoder()
              .decode(bytes)
              .replace('Healthy Relationships', 'Healthy Relationshipz'),
          )
      },
    ],
    [
      'signature',
      () => {
        const sig = Buffer.from(server.releases.get('1.0.0')!.signature.signature, 'base64')
        sig[7] ^= 1
        server.tamper.signature = sig.toString('base64')
      },
    ],
  ])('should reject tampered %s as bad-signature and write nothing', async (_what, tamper) => {
    server.publish('1.0.0', baseFiles)
    tamper()
    const outDir = freshDir()
    const error = await rejection(sync(outDir))
    expect(error.code).toBe('bad-signature')
    expect(error.message).toContain(keys.active.keyId)
    expect(fs.existsSync(path.join(outDir, 'manifest.json'))).toBe(false)
    expect(server.assetRequests.size).toBe(0)
  })

  it('should reject a manifest signed by a key that is not pinned as unknown-key', async () => {
    const rogue = serverKeys()
    server.publish('1.0.0', baseFiles, { signer: rogue })
    const outDir = freshDir()
    try {
      const error = await rejection(sync(outDir))
      expect(error.code).toBe('unknown-key')
      expect(error.message).toContain(rogue.active.keyId)
      expect(error.message).toContain(keys.active.keyId)
      expect(server.assetRequests.size).toBe(0)

      // Trusting the keys the server lists at sync time would have let it through; pins are
      // the only trust anchor.
      server.tamper.keyId = 'ffffffffffffffff'
      expect((await rejection(sync(outDir))).code).toBe('unknown-key')
    } finally {
      server.publish('1.0.0', baseFiles)
    }
  })

  it('should reject a correctly signed manifest of another audience as bad-manifest', async () => {
    server.publish('1.0.0', baseFiles, { audience: 'female' })
    try {
      const error = await rejection(sync(freshDir()))
      expect(error.code).toBe('bad-manifest')
      expect(error.message).toContain('audience is "female", expected "mainstream"')
    } finally {
      server.publish('1.0.0', baseFiles)
    }
  })

  it('should stop with aborted when the signal fires and leave the previous state in force', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const controller = new AbortController()
    const error = await rejection(
      sync(outDir, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'assets' && p.current) controller.abort()
        },
      }),
    )
    expect(error.code).toBe('aborted')
    expect(fs.existsSync(path.join(outDir, 'manifest.json'))).toBe(false)
    // Whatever arrived stays for the next sync, which completes normally.
    const result = await sync(outDir)
    expect(result.downloaded.length + result.reused.length).toBe(5)
  })

  it('should report a 401 with the server message and status', async () => {
    const bad = createDeliveryClient({ baseUrl: server.url, apiKey: 'wrong' })
    const error = await rejection(bad.syncRelease({ ...query, outDir: freshDir(), pinnedKeys }))
    expect(error.code).toBe('unauthorized')
    expect(error.status).toBe(401)
    expect(error.message).toBe(
      'The API key is missing, wrong or revoked. (HTTP 401 from /api/delivery/toolkits/healthy-relationships/releases/latest?audience=mainstream&locale=en-GB)',
    )
  })

  it('should report 404 and 410 with their own codes', async () => {
    const notFound = await rejection(client().latest({ ...query, toolkit: 'nope' }))
    expect(notFound).toMatchObject({ code: 'not-found', status: 404 })
    expect(notFound.message).toContain('No toolkit "nope".')
    const gone = await rejection(client().latest({ ...query, toolkit: 'withdrawn-toolkit' }))
    expect(gone).toMatchObject({ code: 'gone', status: 410 })
    expect(gone.message).toContain('was withdrawn')
  })

  it('should refuse to sync without pinned keys before any request', async () => {
    const error = await rejection(sync(freshDir(), { pinnedKeys: [] }))
    expect(error.code).toBe('invalid-argument')
    const malformed = await rejection(sync(freshDir(), { pinnedKeys: ['not-a-key'] }))
    expect(malformed.code).toBe('invalid-argument')
    expect(server.manifestRequests).toEqual({ ok: 0, notModified: 0 })
  })

  it('should report progress with bytes that never decrease and end at the total', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    // A partly downloaded file and a present one, so resumed and reused bytes are counted too.
    await sync(outDir)
    fs.rmSync(assetFile(outDir, sha256(baseFiles.voice)))
    const offlineSha = sha256(baseFiles.offline)
    fs.renameSync(assetFile(outDir, offlineSha), `${assetFile(outDir, offlineSha)}.part`)
    fs.truncateSync(`${assetFile(outDir, offlineSha)}.part`, 1000)

    const events: SyncProgress[] = []
    await sync(outDir, { onProgress: (p) => events.push({ ...p }) })

    const total = Object.values(baseFiles).reduce((sum, f) => sum + f.length, 0)
    expect(events[0]).toEqual({
      phase: 'manifest',
      assetsDone: 0,
      assetsTotal: 0,
      bytesDone: 0,
      bytesTotal: 0,
    })
    const assetEvents = events.filter((e) => e.phase !== 'manifest')
    expect(assetEvents.length).toBeGreaterThan(5)
    for (let i = 1; i < assetEvents.length; i++) {
      expect(assetEvents[i].bytesDone).toBeGreaterThanOrEqual(assetEvents[i - 1].bytesDone)
      expect(assetEvents[i].assetsDone).toBeGreaterThanOrEqual(assetEvents[i - 1].assetsDone)
      expect(assetEvents[i].bytesTotal).toBe(total)
    }
    expect(events.map((e) => e.phase)).toEqual([
      'manifest',
      ...events.slice(1, -2).map(() => 'assets'),
      'finalise',
      'finalise',
    ])
    expect(events.at(-1)).toEqual({
      phase: 'finalise',
      assetsDone: 5,
      assetsTotal: 5,
      bytesDone: total,
      bytesTotal: total,
    })
  })
})

describe('no rollback: older and withdrawn releases', () => {
  const versionIn = (outDir: string) => readManifest(outDir).release.version

  it('should refuse a validly signed older release and keep the newer one and its files', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    await sync(outDir)
    const v2 = server.publish('1.1.0', { ...baseFiles, poster: randomBytes(3_200) })
    expect((await sync(outDir)).version).toBe('1.1.0')

    // A stale cache or a hostile mirror points "latest" back at 1.0.0, correctly signed.
    server.latest = '1.0.0'
    server.reset()
    const error = await rejection(sync(outDir))
    expect(error.code).toBe('rollback')
    expect(error.message).toBe(
      `The server offers release 1.0.0 of ${TOOLKIT} (audience ${AUDIENCE}, ${LOCALE}), older than 1.1.0, which is already installed (recorded in ${defaultStateFile(outDir)}). Refusing to roll back; nothing was changed.`,
    )
    expect(versionIn(outDir)).toBe('1.1.0')
    expect(listAssets(outDir)).toEqual(v2.names)
    expect(server.assetRequests.size).toBe(0)
  })

  it('should refuse a release the studio lists as withdrawn, even when a mirror later offers it', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    server.withdrawn = [{ version: '1.2.0', reason: 'The Welsh captions were English.' }]
    await sync(outDir)

    server.publish('1.2.0', { ...baseFiles, voice: randomBytes(40_100) })
    server.withdrawn = []
    const error = await rejection(sync(outDir))
    expect(error.code).toBe('withdrawn')
    expect(error.message).toBe(
      `Release 1.2.0 of ${TOOLKIT} (audience ${AUDIENCE}, ${LOCALE}) was withdrawn by the studio: The Welsh captions were English. It is validly signed, but a withdrawn release is never installed; nothing was changed.`,
    )
    expect(versionIn(outDir)).toBe('1.0.0')
    expect(listAssets(outDir)).toEqual(v1.names)
  })

  it('should remember a 410 for a release and refuse it when it is replayed', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    await sync(outDir)
    server.publish('1.3.0', { ...baseFiles, captions: Buffer.from('WEBVTT\n\n') })
    server.gone.add('1.3.0')
    expect((await rejection(sync(outDir))).code).toBe('gone')
    server.gone.clear()
    expect((await rejection(sync(outDir))).code).toBe('withdrawn')
    expect(versionIn(outDir)).toBe('1.0.0')
  })

  it('should take the installed version from a folder synced before the state existed', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    server.publish('1.1.0', { ...baseFiles, poster: randomBytes(3_300) })
    await sync(outDir)
    fs.rmSync(defaultStateFile(outDir))
    server.latest = '1.0.0'
    expect((await rejection(sync(outDir))).code).toBe('rollback')
    expect(versionIn(outDir)).toBe('1.1.0')
  })

  it('should keep the state in the given file, refuse one inside the folder and a damaged one', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const stateFile = path.join(tempRoot, `elsewhere-${dirCount}.json`)
    await sync(outDir, { stateFile })
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'))
    expect(state.installed[`${TOOLKIT}|${AUDIENCE}|${LOCALE}`]).toEqual({
      highest: '1.0.0',
      withdrawn: {},
    })
    expect(fs.existsSync(defaultStateFile(outDir))).toBe(false)

    server.reset()
    const inside = await rejection(sync(outDir, { stateFile: path.join(outDir, 'state.json') }))
    expect(inside.code).toBe('invalid-argument')
    expect(inside.message).toContain('is inside the content folder')
    fs.writeFileSync(stateFile, '{ not json')
    const damaged = await rejection(sync(outDir, { stateFile }))
    expect(damaged.code).toBe('bad-state')
    expect(damaged.message).toContain(stateFile)
    expect(server.manifestRequests).toEqual({ ok: 0, notModified: 0 })
  })
})

describe('manifest size cap', () => {
  const padded = (bytes: Uint8Array) =>
    new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/}$/, `${' '.repeat(5_000)}}`))

  it.each([
    ['declares a Content-Length over the cap', false],
    ['streams past the cap without a Content-Length', true],
  ])('should refuse a manifest that %s, before parsing it', async (_what, chunked) => {
    server.publish('1.0.0', baseFiles)
    server.tamper = { bytes: padded, chunked }
    const outDir = freshDir()
    const capped = createDeliveryClient({
      baseUrl: server.url,
      apiKey: API_KEY,
      maxManifestBytes: 4_000,
    })
    const error = await rejection(capped.syncRelease({ ...query, outDir, pinnedKeys }))
    expect(error.code).toBe('too-large')
    expect(error.message).toBe(
      'The manifest is larger than 4000 bytes, the most this client accepts; it was not parsed and nothing was installed.',
    )
    expect(fs.existsSync(path.join(outDir, 'manifest.json'))).toBe(false)
    expect(server.assetRequests.size).toBe(0)
  })
})

describe('insecure URLs', () => {
  it('should refuse plain http except to this machine', () => {
    for (const baseUrl of [
      'http://studio.example.org',
      'http://192.168.1.20:3000',
      'ftp://x.example',
    ]) {
      expect(() => createDeliveryClient({ baseUrl, apiKey: API_KEY }), baseUrl).toThrow(
        expect.objectContaining({ code: 'insecure-url' }),
      )
    }
    for (const baseUrl of [
      'https://studio.example.org',
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://127.1.2.3',
      'http://[::1]:3000',
    ]) {
      expect(() => createDeliveryClient({ baseUrl, apiKey: API_KEY }), baseUrl).not.toThrow()
    }
  })

  it('should not follow a redirect from the studio to plain http on the network', async () => {
    server.publish('1.0.0', baseFiles)
    const posterSha = sha256(baseFiles.poster)
    server.redirectInsecure.add(posterSha)
    const asked: string[] = []
    const recording = createDeliveryClient({
      baseUrl: server.url,
      apiKey: API_KEY,
      fetch: (input, init) => {
        asked.push(String(input))
        return fetch(input, init)
      },
    })
    const error = await rejection(
      recording.syncRelease({ ...query, outDir: freshDir(), pinnedKeys }),
    )
    expect(error.code).toBe('insecure-url')
    expect(error.message).toContain('plain http:// to cdn.example.invalid')
    expect(asked.filter((url) => url.includes('example.invalid'))).toEqual([])
  })
})

describe('fetchManifest and verifyManifest', () => {
  it('should return the exact signed bytes and honour If-None-Match', async () => {
    server.publish('1.0.0', baseFiles)
    const latest = await client().latest(query)
    expect(latest.manifestUrl).toMatch(/^\/api\/delivery\/toolkits\/.*\/manifest\.json\?/)
    const got = await client().fetchManifest(latest.manifestUrl)
    if ('notModified' in got) throw new Error('Expected the manifest.')
    expect(got.bytes).toEqual(v1.bytes)
    expect(got.manifest.release.version).toBe('1.0.0')
    expect(got.keyId).toBe(keys.active.keyId)
    expect(got.etag).toMatch(/^".+"$/)
    expect(() => verifyManifest({ ...got, pinnedKeys })).not.toThrow()
    // Pins given as /api/delivery/keys entries work as well as bare base64.
    expect(() => client().verifyManifest({ ...got, pinnedKeys: keys.publicKeys })).not.toThrow()

    expect(await client().fetchManifest(latest.manifestUrl, { etag: got.etag })).toEqual({
      notModified: true,
    })
  })

  it('should compute the same key id as the studio', async () => {
    const listed = await client().keys()
    expect(listed).toEqual(keys.publicKeys)
    expect(keyIdOf(listed[0].publicKey)).toBe(keys.active.keyId)
  })
})

describe('delivery:sync CLI', () => {
  const script = path.resolve('scripts/delivery-sync.mjs')

  function run(args: string[]) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env }
      delete env.CDM_DELIVERY_API_KEY
      const child = spawn(process.execPath, [script, ...args], { env })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    })
  }

  const baseArgs = (outDir: string) => [
    '--url',
    server.url,
    '--key',
    API_KEY,
    '--toolkit',
    TOOLKIT,
    '--audience',
    AUDIENCE,
    '--locale',
    LOCALE,
    '--out',
    outDir,
  ]

  it('should refuse to run with no pinned key unless told to trust on first use', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const refused = await run(baseArgs(outDir))
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`No signing key is pinned for ${server.url}.`)
    expect(refused.stderr).toContain('--trust-on-first-use')
    expect(fs.existsSync(outDir)).toBe(false)
    expect(server.manifestRequests).toEqual({ ok: 0, notModified: 0 })
  })

  it('should trust on first use when asked, remember the keys, and use only those later', async () => {
    server.publish('1.0.0', baseFiles)
    const outDir = freshDir()
    const first = await run([...baseArgs(outDir), '--trust-on-first-use'])
    expect(first.stderr).toContain('WARNING: --trust-on-first-use')
    expect(first.stderr).toContain(`key ${keys.active.keyId}:  --pin ${pinnedKeys[0]}`)
    expect(first.stdout).toContain(`Release 1.0.0 is ready in ${outDir}: 5 assets downloaded`)
    expect(first.code).toBe(0)
    expect(listAssets(outDir)).toEqual(v1.names)
    const state = JSON.parse(fs.readFileSync(defaultStateFile(outDir), 'utf8'))
    expect(state.trustedKeys[server.url]).toEqual(keys.publicKeys)

    // Later runs need no flag: the remembered keys are the pins, and no warning is printed.
    const later = await run(baseArgs(outDir))
    expect(later.stderr).toBe('')
    expect(later.stdout).toContain('0 assets downloaded (0 B), 5 already present, 0 removed.')
    expect(later.code).toBe(0)

    // Nor are the server's keys ever trusted again: a manifest signed by another key fails,
    // with or without the flag.
    const rogue = serverKeys()
    server.publish('1.0.1', baseFiles, { signer: rogue })
    try {
      for (const args of [baseArgs(outDir), [...baseArgs(outDir), '--trust-on-first-use']]) {
        const result = await run(args)
        expect(result.code).toBe(1)
        expect(result.stderr).toContain('delivery:sync failed [unknown-key]')
      }
    } finally {
      server.publish('1.0.0', baseFiles)
    }
    const pinned = await run([...baseArgs(outDir), '--pin', pinnedKeys[0]])
    expect(pinned.stderr).toBe('')
    expect(pinned.code).toBe(0)
  }, 30_000)

  it('should refuse plain http to anything but this machine', async () => {
    const result = await run([
      ...baseArgs(freshDir()).map((arg) =>
        arg === server.url ? 'http://studio.example.org' : arg,
      ),
      '--pin',
      pinnedKeys[0],
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('baseUrl uses plain http:// to studio.example.org')
  })

  it('should exit 1 with the error code when the manifest is signed by another key', async () => {
    server.publish('1.0.0', baseFiles)
    const other = serverKeys().publicKeys[0].publicKey
    const result = await run([...baseArgs(freshDir()), '--pin', other])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('delivery:sync failed [unknown-key]')
  })

  it('should exit 2 and show usage when options are missing', async () => {
    const result = await run(['--url', server.url])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Missing --toolkit, --audience, --locale, --out, --key.')
    expect(result.stderr).toContain('Usage: npm run delivery:sync')
  })
})
