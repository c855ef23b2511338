import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { loginToken, requestAs, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { MediaFixtures } from './media/helpers/fixtures'
import { payloadNodeOptions } from '../../scripts/payload-cli.mjs'
import { createDeliveryClient } from '../../src/delivery-client'
import { releaseBuildKey } from '../../src/jobs/queues'
import { mediaDir } from '../../src/lib/config/paths'

const studio = setUpStudio()
const fixtures = new MediaFixtures()
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-crash-sync-'))
const workerScript = path.resolve('test/int/helpers/buildWorker.ts')
let made: ReleasableToolkit
let token = ''
let releaseId = 0

beforeAll(async () => {
  const { payload, world } = studio
  await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  made = await makeReleasableToolkit(payload, world, fixtures)
  token = await loginToken(studio.server.url, world.users.publisher.email, PASSWORD)
})

afterAll(async () => {
  delete process.env.RELEASE_BUILD_STALE_SECONDS
  await made?.remove()
  fixtures.remove()
  fs.rmSync(outDir, { recursive: true, force: true })
})

const api = (method: string, url: string, body?: unknown) =>
  requestAs(studio.server.url, token, method, url, body)
/**
 * The status delivery apps get for a version's manifest, once it is `expected` or 8 s have
 * passed: the server caches its catalog of releases for up to 5 s, and the builds here run in
 * another process.
 */
async function manifestStatus(expected: number, version = '1.0.0'): Promise<number> {
  const deadline = Date.now() + 8_000
  for (;;) {
    const { status } = await fetch(
      `${studio.server.url}/api/delivery/toolkits/${made.toolkit.slug}/releases/${version}/manifest.json?audience=${made.audience.slug}&locale=en-GB`,
      { headers: { authorization: `delivery-apps API-Key ${made.apiKey}` } },
    )
    if (status === expected || Date.now() > deadline) return status
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Starts a worker process that builds the queued release and stops at `pauseAt` (or finishes).
 * It loads the config with payloadNodeOptions() (scripts/payload-cli.mjs), so it does not exit
 * silently on Node 20; any exit before `pauseAt` fails the test with the worker's output.
 */
function startWorker(
  pauseAt: string,
  onLine: (line: string) => void = () => undefined,
): { child: () => ChildProcess; paused: Promise<string[]> } {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    env: {
      ...process.env,
      NODE_OPTIONS: payloadNodeOptions(),
      PAUSE_AT: pauseAt,
      RELEASE_BUILD_STALE_SECONDS: '3600',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let stderr = ''
  const paused = new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker never reached ${pauseAt}`)), 90_000)
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const fresh = chunk.split('\n').filter(Boolean)
      lines.push(...fresh)
      fresh.forEach(onLine)
      if (lines.includes('PAUSED') || lines.includes('DONE')) {
        clearTimeout(timer)
        resolve(lines)
      }
    })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (lines.includes('DONE')) return
      reject(
        new Error(
          `worker exited (${signal ?? code}) before ${pauseAt}:\n${lines.join('\n')}\n${stderr}`,
        ),
      )
    })
  })
  return { child: () => child, paused }
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

const list = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])

/** Every file under its final name in the asset store holds exactly the bytes its name says. */
function expectNoHalfWrittenAssets() {
  const assets = mediaDir('assets')
  for (const prefix of list(assets)) {
    for (const name of fs.readdirSync(path.join(assets, prefix))) {
      if (name.includes('.tmp-')) continue
      const bytes = fs.readFileSync(path.join(assets, prefix, name))
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(name)
    }
  }
}

const leftovers = () =>
  [
    ...list(mediaDir('releases')).filter((n) => n.startsWith('.tmp-')),
    ...list(mediaDir('assets'))
      .flatMap((p) => list(path.join(mediaDir('assets'), p)))
      .filter((n) => n.includes('.tmp-')),
  ].sort()

async function buildJobs() {
  return (
    await studio.payload.find({
      collection: 'payload-jobs',
      where: { concurrencyKey: { equals: releaseBuildKey(releaseId) } },
      sort: 'createdAt',
      pagination: false,
    })
  ).docs
}

/** A delivery app syncing the latest release into its folder, verifying everything. */
async function syncDevice() {
  const client = createDeliveryClient({ baseUrl: studio.server.url, apiKey: made.apiKey })
  return client.syncRelease({
    toolkit: made.toolkit.slug,
    audience: made.audience.slug,
    locale: 'en-GB',
    outDir,
    pinnedKeys: await client.keys(),
  })
}

/** Creates a draft release of the test toolkit and publishes it: the build is queued. */
async function publishVersion(version: string): Promise<number> {
  const created = await api('POST', '/api/releases', {
    toolkit: made.toolkit.id,
    version,
    audiences: [made.audience.id],
    locales: ['en-GB'],
    accents: [made.accent.id],
  })
  expect(created.status).toBe(201)
  const id = ((await created.json()) as { doc: { id: number } }).doc.id
  expect((await api('POST', `/api/releases/${id}/publish`)).status).toBe(202)
  return id
}

describe('a release build killed mid-way', () => {
  it('should queue a build that a separate worker process picks up', async () => {
    releaseId = await publishVersion('1.0.0')
  })

  // Each kill point is a moment between two writes of the build: with the HLS playlists
  // written but no asset stored, with every asset stored but no bundle, with the bundle written
  // but the folder not moved into place, with the folder in place but the status not yet
  // flipped, and just after the flip.
  for (const pauseAt of ['assets:0', 'bundles:0', 'bundles:1', 'before-publish']) {
    it(`should leave no visible release when killed at ${pauseAt}, and resume on request`, async () => {
      const worker = startWorker(pauseAt)
      const steps = await worker.paused
      expect(steps).toContain(pauseAt.includes(':') ? `STEP ${pauseAt}` : 'STEP publishing:0')

      // Alive and beating: a second publish is refused rather than starting a rival build.
      process.env.RELEASE_BUILD_STALE_SECONDS = '3600'
      expect((await api('POST', `/api/releases/${releaseId}/publish`)).status).toBe(409)

      await kill(worker.child())
      const release = await studio.payload.findByID({ collection: 'releases', id: releaseId })
      expect(release.status).toBe('building')
      expect(release.publishedAt ?? null).toBeNull()
      expect(await manifestStatus(404)).toBe(404)
      expectNoHalfWrittenAssets()
      const jobs = await buildJobs()
      expect(jobs.at(-1)!.processing).toBe(true)

      // Once the heartbeat is older than the limit, publishing again takes the build over.
      process.env.RELEASE_BUILD_STALE_SECONDS = '0.2'
      await new Promise((resolve) => setTimeout(resolve, 400))
      const resumed = await api('POST', `/api/releases/${releaseId}/publish`)
      expect(resumed.status).toBe(202)
      expect(JSON.stringify(await resumed.json())).toContain('building again')
      const after = await buildJobs()
      expect(after.find((j) => j.id === jobs.at(-1)!.id)).toMatchObject({
        processing: false,
        hasError: true,
      })
      expect(after.filter((j) => !j.processing && !j.hasError && !j.completedAt)).toHaveLength(1)
      expect(list(mediaDir('releases')).filter((n) => n.startsWith('.tmp-'))).toEqual([])
    })
  }

  it('should be complete when killed just after the status flip, and sync and verify', async () => {
    const worker = startWorker('after-publish')
    expect(await worker.paused).toContain('PUBLISHED')
    await kill(worker.child())
    const release = await studio.payload.findByID({ collection: 'releases', id: releaseId })
    expect(release.status).toBe('published')
    expect(await manifestStatus(200)).toBe(200)
    expect(leftovers()).toEqual([])
    expectNoHalfWrittenAssets()

    const synced = await syncDevice()
    expect(synced.version).toBe('1.0.0')
    expect(synced.downloaded.length).toBe(
      Object.keys((release.outputs as { assets: object }[])[0].assets).length,
    )
  })

  it('should leave a complete release or none when killed at a random moment, and finish after', async () => {
    const second = await publishVersion('1.1.0')
    // The build starts with its first progress write; kill somewhere in the next 100 ms (a
    // build of this toolkit takes about 150).
    let started = () => undefined as void
    const firstStep = new Promise<void>((resolve) => (started = resolve))
    const worker = startWorker('never', (line) => line.startsWith('STEP') && started())
    // A worker that ends before its first step says why, instead of leaving this test waiting.
    await Promise.race([
      firstStep,
      worker.paused.then((lines) =>
        Promise.reject(new Error(`the worker finished with no step:\n${lines.join('\n')}`)),
      ),
    ])
    worker.paused.catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 100))
    await kill(worker.child())
    expectNoHalfWrittenAssets()
    const release = await studio.payload.findByID({ collection: 'releases', id: second })
    const visible = release.status === 'published' ? 200 : 404
    expect(await manifestStatus(visible, '1.1.0')).toBe(visible)
    console.info(
      `killed at random: release ${release.status}, build ${JSON.stringify(release.build)}`,
    )
    if (release.status !== 'published') {
      expect(release.status).toBe('building')
      process.env.RELEASE_BUILD_STALE_SECONDS = '0.2'
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect((await api('POST', `/api/releases/${second}/publish`)).status).toBe(202)
      await startWorker('').paused
      expect(await manifestStatus(200, '1.1.0')).toBe(200)
    }
    const synced = await syncDevice()
    expect(synced.version).toBe('1.1.0')
    expect(leftovers()).toEqual([])
  })
})
