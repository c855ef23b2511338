import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Paths } from './targets'
import { DEMO_USERS } from '../../../seed/demoUsers'
import { assetKey } from '../../../src/domain/storage/mediaKeys'

export const TOOLKIT = 'healthy-relationships'
const LOCALE = 'en-GB'

/**
 * What every server of the run shares, as production runs them: one database migrated by the
 * first production start (not pushed as tests do), one media folder, one secret (API keys are
 * looked up by an HMAC of it) and one signing key.
 */
export function sharedStudioEnv(tmp: string): Record<string, string> {
  return {
    DATABASE_URI: `file:${path.join(tmp, 'studio.db')}`,
    DATA_DIR: path.join(tmp, 'data'),
    MEDIA_DIR: path.join(tmp, 'media'),
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    CDM_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  }
}

async function call<T>(base: string, method: string, url: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`)
  return JSON.parse(text) as T
}

const tokenOf = async (base: string, role: string) => {
  const user = DEMO_USERS.find((u) => u.role === role)!
  const body = { email: user.email, password: user.password }
  return (await call<{ token: string }>(base, 'POST', '/api/users/login', undefined, body)).token
}

async function poll(what: string, check: () => Promise<boolean>, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not done within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 3000))
  }
}

type Docs<T> = { docs: T[] }

/**
 * On a production studio started with the demo seed and in-server jobs: waits for the demo's
 * media, publishes release 1.0.0 with every audience and accent, registers a delivery app, and
 * stores a 1 MiB asset. Returns the API paths and the same bytes as files for the static servers.
 */
export async function publishDemo(base: string, tmp: string, mediaDir: string) {
  const publisher = await tokenOf(base, 'publisher')
  await poll('the demo media', async () => {
    const clips = await call<Docs<{ processing?: { status?: string } }>>(
      base,
      'GET',
      '/api/clips?limit=200&depth=0',
      publisher,
    )
    if (clips.docs.some((c) => c.processing?.status === 'failed')) throw new Error('media failed')
    return clips.docs.length > 0 && clips.docs.every((c) => c.processing?.status === 'ready')
  })
  const ids = async (collection: string) =>
    (
      await call<Docs<{ id: number }>>(
        base,
        'GET',
        `/api/${collection}?limit=100&depth=0`,
        publisher,
      )
    ).docs.map((d) => d.id)
  const toolkit = (
    await call<Docs<{ id: number }>>(
      base,
      'GET',
      `/api/toolkits?where[slug][equals]=${TOOLKIT}&depth=0`,
      publisher,
    )
  ).docs[0]
  const release = await call<{ doc: { id: number } }>(base, 'POST', '/api/releases', publisher, {
    toolkit: toolkit.id,
    version: '1.0.0',
    audiences: await ids('audiences'),
    locales: [LOCALE],
    accents: await ids('accents'),
  })
  await call(base, 'POST', `/api/releases/${release.doc.id}/publish`, publisher)
  await poll('the release build', async () => {
    const doc = await call<{ status: string }>(
      base,
      'GET',
      `/api/releases/${release.doc.id}?depth=0`,
      publisher,
    )
    if (doc.status === 'failed') throw new Error('the release build failed')
    return doc.status === 'published'
  })
  const apiKey = `${randomUUID()}${randomUUID()}`
  const admin = await tokenOf(base, 'admin')
  await call(base, 'POST', '/api/delivery-apps', admin, {
    name: 'Bench',
    enableAPIKey: true,
    apiKey,
  })
  return filesFor(base, tmp, mediaDir, apiKey)
}

async function filesFor(base: string, tmp: string, mediaDir: string, apiKey: string) {
  const asset = randomBytes(1024 * 1024)
  const sha = createHash('sha256').update(asset).digest('hex')
  const stored = path.join(mediaDir, ...assetKey(sha).split('/'))
  fs.mkdirSync(path.dirname(stored), { recursive: true })
  fs.writeFileSync(stored, asset)
  const query = `audience=mainstream&locale=${LOCALE}`
  const api: Paths = {
    manifest: `/api/delivery/toolkits/${TOOLKIT}/releases/1.0.0/manifest.json?${query}`,
    latest: `/api/delivery/toolkits/${TOOLKIT}/releases/latest?${query}`,
    asset: `/api/delivery/assets/${sha}`,
    headers: { authorization: `delivery-apps API-Key ${apiKey}` },
  }
  const files = path.join(tmp, 'files')
  fs.mkdirSync(files)
  for (const [name, url] of [
    ['manifest.json', api.manifest],
    ['latest.json', api.latest],
  ]) {
    const response = await fetch(`${base}${url}`, { headers: api.headers })
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
    fs.writeFileSync(path.join(files, name), Buffer.from(await response.arrayBuffer()))
  }
  fs.writeFileSync(path.join(files, 'asset.bin'), asset)
  const sizes = {
    manifest: fs.statSync(path.join(files, 'manifest.json')).size,
    latest: fs.statSync(path.join(files, 'latest.json')).size,
    asset: asset.length,
  }
  const asFiles: Paths = {
    manifest: '/manifest.json',
    latest: '/latest.json',
    asset: '/asset.bin',
    headers: {},
  }
  return { api, asFiles, files, sizes }
}
