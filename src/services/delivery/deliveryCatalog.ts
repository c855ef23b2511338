import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { Payload } from 'payload'

import type { Id } from '../../domain/refs'
import { compareSemver } from '../../domain/releases/semver'
import type { ReleaseOutput } from '../../domain/releases/summary'
import { releaseKey } from '../../domain/storage/mediaKeys'
import { cacheGeneration, createCache, forgetCaches } from '../../lib/cache'
import { manifestFileName } from '../../lib/releases/releaseStore'
import { mediaStore } from '../../lib/storage/store'

export interface CatalogRelease {
  id: Id
  version: string
  status: 'published' | 'withdrawn'
  withdrawnReason: string | null
  publishedAt: string | null
  outputs: ReleaseOutput[]
}

export interface CatalogToolkit {
  slug: string
  title: string
  /** Published and withdrawn releases, newest first. */
  releases: CatalogRelease[]
}

/**
 * What delivery apps can see, held in memory: the API answers from here instead of querying
 * every request. Published releases never change except to be withdrawn, so the catalog is
 * rebuilt when a release changes in this process and at most REFRESH_MS later in any other
 * (within the manifests' own one-minute max-age).
 */
const REFRESH_MS = 5_000
const gzipAsync = promisify(gzip)
export interface DeliveryCatalog {
  toolkits: Map<string, CatalogToolkit>
  /** Every audience slug in the studio, to tell an unknown audience from one not released. */
  audiences: Set<string>
  /** Each audience's label in each locale that has one, for apps to show. */
  audienceLabels: Map<string, Partial<Record<string, string>>>
  /**
   * Each released asset's MIME type as its manifests declare it, so an asset is served as the
   * manifest says (an m4a voice track is audio/mp4, though its bytes sniff as an MP4 video).
   */
  assetMimes: Map<string, string>
}

const CATALOG = 'delivery-catalog'
// One entry: the catalog, trusted for REFRESH_MS from when its load began.
const catalog = createCache<DeliveryCatalog>({ name: CATALOG, ttlMs: REFRESH_MS, maxEntries: 1 })
/** The last catalog loaded, and the cache generation it was loaded in. */
let previous: { contents: DeliveryCatalog; generation: number } | null = null
let loading: { load: Promise<DeliveryCatalog>; generation: number } | null = null

/** After a release changed: no answer from here on comes from a catalog loaded before. */
export function invalidateDeliveryCatalog(): void {
  forgetCaches(CATALOG)
}

/**
 * The catalog. When it is only old (past REFRESH_MS, nothing known to have changed), the old
 * one answers while a new one loads, so no request waits on the database; after a change,
 * requests wait for the new one.
 */
export async function deliveryCatalog(payload: Payload): Promise<DeliveryCatalog> {
  const known = catalog.get('catalog')
  if (known) return known
  const generation = cacheGeneration(CATALOG)
  if (loading?.generation !== generation) {
    const load = loadCatalog(payload, generation)
    loading = { load, generation }
    const settled = () => {
      if (loading?.load === load) loading = null
    }
    load.then(settled, settled)
  }
  if (previous?.generation === generation) return previous.contents
  return loading.load
}

async function loadCatalog(payload: Payload, startedIn: number): Promise<DeliveryCatalog> {
  const startedAt = Date.now()
  const releases = await payload.find({
    collection: 'releases',
    where: { status: { in: ['published', 'withdrawn'] } },
    depth: 1,
    pagination: false,
    overrideAccess: true,
    select: {
      toolkit: true,
      version: true,
      status: true,
      withdrawnReason: true,
      publishedAt: true,
      outputs: true,
    },
    populate: { toolkits: { slug: true, title: true } },
  })
  const toolkits = new Map<string, CatalogToolkit>()
  for (const release of releases.docs) {
    const toolkit = release.toolkit as { slug: string; title?: string | null }
    const entry = toolkits.get(toolkit.slug) ?? {
      slug: toolkit.slug,
      title: toolkit.title ?? toolkit.slug,
      releases: [],
    }
    entry.releases.push({
      id: release.id,
      version: release.version,
      status: release.status as CatalogRelease['status'],
      withdrawnReason: release.withdrawnReason ?? null,
      publishedAt: release.publishedAt ?? null,
      outputs: release.outputs ?? [],
    })
    toolkits.set(toolkit.slug, entry)
  }
  for (const entry of toolkits.values())
    entry.releases.sort((a, b) => compareSemver(b.version, a.version))
  const audiences = await payload.find({
    collection: 'audiences',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    locale: 'all',
    select: { slug: true, label: true },
  })
  const contents = {
    toolkits,
    audiences: new Set(audiences.docs.map((a) => a.slug)),
    // With every locale asked for, a localized field is an object of its values by locale.
    audienceLabels: new Map(
      audiences.docs.map((a) => [a.slug, (a.label ?? {}) as unknown as Record<string, string>]),
    ),
    assetMimes: assetMimesOf(releases.docs.flatMap((release) => release.outputs ?? [])),
  }
  // A release changed while this was loading may be missing from it: answer with it, keep it not.
  if (startedIn === cacheGeneration(CATALOG)) {
    catalog.set('catalog', contents, startedAt)
    previous = { contents, generation: startedIn }
  }
  return contents
}

function assetMimesOf(outputs: ReleaseOutput[]): Map<string, string> {
  const mimes = new Map<string, string>()
  for (const output of outputs)
    for (const [sha, asset] of Object.entries(output.assets ?? {})) mimes.set(sha, asset.mime)
  return mimes
}

export const outputOf = (release: CatalogRelease, audience: string, locale: string) =>
  release.outputs.find((o) => o.audience === audience && o.locale === locale) ?? null

// Named by their sha256 and never changed: kept until memory is needed (oldest first past 64 MiB).
const manifests = createCache<Uint8Array<ArrayBuffer>>({
  name: 'manifest-bytes',
  ttlMs: null,
  maxEntries: 10_000,
  maxBytes: 64 * 1024 * 1024,
  sizeOf: (bytes) => bytes.length,
})

const gzipped = createCache<Uint8Array<ArrayBuffer>>({
  name: 'manifest-gzip',
  ttlMs: null,
  maxEntries: 10_000,
  maxBytes: 16 * 1024 * 1024,
  sizeOf: (bytes) => bytes.length,
})

/**
 * A manifest's bytes gzipped, once per manifest: devices on slow links fetch a fifth of it. The
 * signature is over the bytes, which the client's HTTP layer restores before it checks.
 */
export async function manifestGzip(
  release: CatalogRelease,
  output: ReleaseOutput,
): Promise<Uint8Array<ArrayBuffer>> {
  const known = gzipped.get(output.manifestSha256)
  if (known) return known
  const compressed = await gzipAsync(await manifestBytes(release, output), { level: 9 })
  const bytes = new Uint8Array(
    compressed.buffer as ArrayBuffer,
    compressed.byteOffset,
    compressed.length,
  )
  gzipped.set(output.manifestSha256, bytes)
  return bytes
}

/** A manifest's bytes as written at publish time. */
export async function manifestBytes(
  release: CatalogRelease,
  output: ReleaseOutput,
): Promise<Uint8Array<ArrayBuffer>> {
  const known = manifests.get(output.manifestSha256)
  if (known) return known
  const bytes = new Uint8Array(
    await mediaStore().read(
      releaseKey(release.id, manifestFileName(output.audience, output.locale)),
    ),
  )
  manifests.set(output.manifestSha256, bytes)
  return bytes
}
