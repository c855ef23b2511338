import { randomUUID } from 'node:crypto'

import { expectStatus, type Api } from './api'
import { SEED_TOOLKIT } from '../../../seed/content/toolkit'
import type { Manifest } from '../../../src/domain/manifest/types'
import type { Clip, Release } from '../../../src/payload-types'

const LOCALE = 'en-GB'
const AUDIENCE = 'mainstream'

export interface PublishedDemo {
  version: string
  apiKey: string
  manifestPath: string
  manifestBytes: number
  /** The asset the devices read (see pickAsset). */
  asset: { path: string; bytes: number; mime: string }
}

type Docs<T> = { docs: T[] }

/** Every clip with its processing status, as a staff member sees it. */
export async function clipStatuses(api: Api): Promise<Pick<Clip, 'id' | 'slug' | 'processing'>[]> {
  const answer = await api.request<Docs<Clip>>('GET', '/api/clips?depth=0&limit=1000')
  return expectStatus(answer, 200, 'list clips').docs
}

/** Waits until every clip's media is processed by the worker; fails on a failed clip. */
export async function waitForAllClipsReady(api: Api, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let waiting: string[] = []
  while (Date.now() < deadline) {
    const clips = await clipStatuses(api)
    const failed = clips.filter((c) => c.processing?.status === 'failed')
    if (failed.length)
      throw new Error(
        `media failed: ${failed.map((c) => `${c.slug}: ${c.processing?.reason}`).join('; ')}`,
      )
    waiting = clips.filter((c) => c.processing?.status !== 'ready').map((c) => c.slug)
    if (clips.length > 0 && waiting.length === 0) return
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
  throw new Error(`clips not ready within ${timeoutMs / 1000} s: ${waiting.join(', ')}`)
}

/**
 * Publishes the seeded toolkit (every audience and accent, English) the way a publisher does
 * over REST: create the draft, preflight, publish; the worker builds it. Then gives a delivery
 * app a key, and picks the manifest and the asset the devices will read.
 */
export async function publishDemo(input: {
  baseUrl: string
  admin: Api
  publisher: Api
  asset: AssetChoice
  timeoutMs: number
}): Promise<PublishedDemo> {
  const { admin, publisher } = input
  const version = '1.0.0'
  const toolkit = expectStatus(
    await publisher.request<Docs<{ id: number }>>(
      'GET',
      `/api/toolkits?depth=0&where[slug][equals]=${SEED_TOOLKIT.slug}`,
    ),
    200,
    'find the demo toolkit',
  ).docs[0]
  const ids = async (collection: string) =>
    expectStatus(
      await publisher.request<Docs<{ id: number }>>('GET', `/api/${collection}?depth=0&limit=100`),
      200,
      `list ${collection}`,
    ).docs.map((d) => d.id)
  const release = expectStatus(
    await publisher.request<{ doc: Release }>('POST', '/api/releases', {
      toolkit: toolkit.id,
      version,
      audiences: await ids('audiences'),
      locales: [LOCALE],
      accents: await ids('accents'),
    }),
    201,
    'create the release',
  ).doc
  const preflight = expectStatus(
    await publisher.request<{ ok: boolean; problems: unknown[] }>(
      'POST',
      `/api/releases/${release.id}/preflight`,
    ),
    200,
    'preflight',
  )
  if (!preflight.ok) throw new Error(`preflight failed: ${JSON.stringify(preflight.problems)}`)
  expectStatus(
    await publisher.request('POST', `/api/releases/${release.id}/publish`),
    202,
    'publish',
  )
  await waitForPublished(publisher, release.id, input.timeoutMs)

  const apiKey = `soak-delivery-key-${randomUUID()}`
  expectStatus(
    await admin.request('POST', '/api/delivery-apps', {
      name: 'Soak devices',
      enableAPIKey: true,
      apiKey,
    }),
    201,
    'create the delivery app',
  )
  const manifestPath = `/api/delivery/toolkits/${SEED_TOOLKIT.slug}/releases/${version}/manifest.json?audience=${AUDIENCE}&locale=${LOCALE}`
  const response = await fetch(`${input.baseUrl}${manifestPath}`, {
    headers: { authorization: `delivery-apps API-Key ${apiKey}` },
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`GET ${manifestPath}: ${response.status} ${text}`)
  const manifest = JSON.parse(text) as Manifest
  const sha256 = pickAsset(manifest.assets, input.asset)
  return {
    version,
    apiKey,
    manifestPath,
    manifestBytes: Buffer.byteLength(text),
    asset: { path: `/api/delivery/assets/${sha256}`, ...manifest.assets[sha256] },
  }
}

/**
 * `median`: the asset of median size, what a device fetches typically (posters, captions, HLS
 * playlists and segments, voice tracks, offline MP4s). `largest`: the biggest file, an offline
 * MP4, which measures how fast the server streams bytes rather than how it answers requests.
 */
export type AssetChoice = 'median' | 'largest'

function pickAsset(assets: Manifest['assets'], choice: AssetChoice): string {
  const bySize = Object.entries(assets).sort(
    ([a, x], [b, y]) => x.bytes - y.bytes || a.localeCompare(b),
  )
  const [sha256] =
    choice === 'largest' ? bySize[bySize.length - 1] : bySize[Math.floor(bySize.length / 2)]
  return sha256
}

async function waitForPublished(api: Api, id: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const release = expectStatus(
      await api.request<Release>('GET', `/api/releases/${id}?depth=0`),
      200,
      'read the release',
    )
    if (release.status === 'published') return
    if (release.status === 'failed') throw new Error(`the build failed: ${release.failureReason}`)
    if (Date.now() > deadline)
      throw new Error(`the release is still ${release.status} after ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}
