import type { Payload } from 'payload'

import {
  deliveryCatalog,
  manifestBytes,
  manifestGzip,
  outputOf,
  type CatalogRelease,
  type DeliveryCatalog,
} from './deliveryCatalog'
import { acceptsGzip } from '../../domain/http/acceptEncoding'
import { matchesIfNoneMatch } from '../../domain/http/conditional'
import { computeDelta } from '../../domain/releases/delta'
import { isValidSemver } from '../../domain/releases/semver'
import type { ReleaseOutput } from '../../domain/releases/summary'
import { releaseKey } from '../../domain/storage/mediaKeys'
import { isLocale, LOCALE_CODES } from '../../domain/vocabulary'
import { errorAnswer, jsonAnswer, type HttpAnswer } from '../../lib/http/answer'
import { bundleFileName } from '../../lib/releases/releaseStore'
import { NotStored, storedAnswer } from '../../lib/storage/serveStored'

/**
 * Manifests, bundles and assets are sent as stored: their ETags name those bytes and their
 * ranges count them, so no server or proxy on the way may re-encode them. Next's own gzip
 * (`next start`) honours no-transform; without it a Range on a WebVTT asset came back as a
 * gzip body with uncompressed offsets, under the ETag of the uncompressed bytes.
 */
export const asStored = (cacheControl: string) => `${cacheControl}, no-transform`

/** What a delivery route is asked: its query, and one request header by name. */
export interface DeliveryQuery {
  query: URLSearchParams
  header: (name: string) => string | null
}

interface Output {
  audience: string
  locale: string
  catalog: DeliveryCatalog
}

async function audienceAndLocale(
  payload: Payload,
  { query }: DeliveryQuery,
): Promise<Output | HttpAnswer> {
  const audience = query.get('audience')?.trim() ?? ''
  const locale = query.get('locale')?.trim() ?? ''
  if (!audience) return errorAnswer(400, 'Give the audience: ?audience=<slug>.')
  const catalog = await deliveryCatalog(payload)
  if (!catalog.audiences.has(audience))
    return errorAnswer(
      400,
      `Unknown audience "${audience}": use one of ${[...catalog.audiences].sort().join(', ')}.`,
    )
  if (!isLocale(locale))
    return errorAnswer(400, `Unknown locale "${locale}": use ${LOCALE_CODES.join(' or ')}.`)
  return { audience, locale, catalog }
}

const isAnswer = (value: object): value is HttpAnswer => 'status' in value && 'body' in value

interface Published {
  release: CatalogRelease
  releases: CatalogRelease[]
  output: ReleaseOutput
  params: Output
}

/** The release and output a versioned route names, or the error to answer with. */
async function publishedOutput(
  payload: Payload,
  request: DeliveryQuery,
  slug: string,
  version: string,
): Promise<Published | HttpAnswer> {
  const params = await audienceAndLocale(payload, request)
  if (isAnswer(params)) return params
  const toolkit = params.catalog.toolkits.get(slug)
  const release = toolkit?.releases.find((r) => r.version === version)
  if (!toolkit || !release) return errorAnswer(404, `Toolkit "${slug}" has no release ${version}.`)
  if (release.status === 'withdrawn')
    return errorAnswer(
      410,
      `Release ${version} was withdrawn: ${release.withdrawnReason ?? 'no reason given'}. Fetch the latest release instead.`,
    )
  const output = outputOf(release, params.audience, params.locale)
  if (!output)
    return errorAnswer(
      404,
      `Release ${version} has no manifest for audience "${params.audience}" in ${params.locale}.`,
    )
  return { release, releases: toolkit.releases, output, params }
}

const versionUrl = (slug: string, version: string, file: string, output: Output) =>
  `/api/delivery/toolkits/${encodeURIComponent(slug)}/releases/${encodeURIComponent(version)}/${file}?audience=${encodeURIComponent(output.audience)}&locale=${encodeURIComponent(output.locale)}`

/**
 * Every toolkit with a published release, and the audience × locale outputs `latest` answers
 * for, so an app can offer the choice, each audience by its name in that locale.
 */
export async function toolkitsAnswer(payload: Payload): Promise<HttpAnswer> {
  const { toolkits: all, audienceLabels } = await deliveryCatalog(payload)
  const toolkits = [...all.values()].flatMap((toolkit) => {
    const published = toolkit.releases.filter((r) => r.status === 'published')
    if (published.length === 0) return []
    const outputs = new Map<string, { audience: string; label: string; locale: string }>()
    for (const { audience, locale } of published.flatMap((r) => r.outputs)) {
      const label = audienceLabels.get(audience)?.[locale] ?? audience
      outputs.set(`${audience}|${locale}`, { audience, label, locale })
    }
    const sorted = [...outputs.values()].sort(
      (a, b) => a.audience.localeCompare(b.audience) || a.locale.localeCompare(b.locale),
    )
    const { slug, title } = toolkit
    return [{ slug, title, latestVersion: published[0].version, outputs: sorted }]
  })
  return jsonAnswer(200, { toolkits })
}

export async function latestAnswer(
  payload: Payload,
  request: DeliveryQuery,
  slug: string,
): Promise<HttpAnswer> {
  const params = await audienceAndLocale(payload, request)
  if (isAnswer(params)) return params
  const toolkit = params.catalog.toolkits.get(slug)
  if (!toolkit) return errorAnswer(404, `No toolkit "${slug}".`)
  const hasOutput = (r: CatalogRelease) => outputOf(r, params.audience, params.locale) !== null
  const release = toolkit.releases.find((r) => r.status === 'published' && hasOutput(r))
  if (!release)
    return errorAnswer(
      404,
      `Toolkit "${slug}" has no published release for audience "${params.audience}" in ${params.locale}.`,
    )
  // Withdrawn releases of this output, so a client can refuse them if a stale cache or a
  // hostile mirror ever serves one (their manifests are still validly signed).
  const withdrawn = toolkit.releases
    .filter((r) => r.status === 'withdrawn' && hasOutput(r))
    .map((r) => ({ version: r.version, reason: r.withdrawnReason ?? null }))
  return jsonAnswer(200, {
    version: release.version,
    publishedAt: release.publishedAt,
    withdrawn,
    manifestUrl: versionUrl(slug, release.version, 'manifest.json', params),
    bundleUrl: versionUrl(slug, release.version, 'bundle.zip', params),
  })
}

export async function manifestAnswer(
  payload: Payload,
  request: DeliveryQuery,
  slug: string,
  version: string,
): Promise<HttpAnswer> {
  const found = await publishedOutput(payload, request, slug, version)
  if (isAnswer(found)) return found
  const { release, output } = found
  const isGzip = acceptsGzip(request.header('accept-encoding'))
  // Each encoding its own ETag, so a validator always names the bytes that were sent.
  const etag = isGzip ? `"${output.manifestSha256}.gz"` : `"${output.manifestSha256}"`
  const headers: Record<string, string> = {
    ETag: etag,
    // Behind an API key: no shared cache may keep it for others.
    'Cache-Control': asStored('private, max-age=60'),
    Vary: 'Accept-Encoding',
    'X-CDM-Signature': output.signature,
    'X-CDM-Key-Id': output.keyId,
  }
  if (matchesIfNoneMatch(request.header('if-none-match'), etag))
    return { status: 304, headers, body: null }
  // Precomputed at publish time (and compressed once): never assembled per request.
  const body = isGzip ? await manifestGzip(release, output) : await manifestBytes(release, output)
  if (isGzip) headers['Content-Encoding'] = 'gzip'
  return { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body }
}

export async function bundleAnswer(
  payload: Payload,
  request: DeliveryQuery,
  slug: string,
  version: string,
): Promise<HttpAnswer> {
  const found = await publishedOutput(payload, request, slug, version)
  if (isAnswer(found)) return found
  const { release, params } = found
  return storedAnswer({
    key: releaseKey(release.id, bundleFileName(params.audience, params.locale)),
    contentType: 'application/zip',
    rangeHeader: request.header('range'),
    // Behind an API key and withdrawable: no shared cache may keep it, and a device's own
    // cache re-asks within a minute, as for the manifest. Its assets stay cacheable.
    cacheControl: asStored('private, max-age=60'),
    etag: `"${release.id}-${params.audience}-${params.locale}"`,
    ifNoneMatch: request.header('if-none-match'),
  }).catch((error: unknown) => {
    if (error instanceof NotStored)
      return errorAnswer(404, `The bundle of release ${release.version} is not in storage.`)
    throw error
  })
}

export async function deltaAnswer(
  payload: Payload,
  request: DeliveryQuery,
  slug: string,
  version: string,
): Promise<HttpAnswer> {
  const found = await publishedOutput(payload, request, slug, version)
  if (isAnswer(found)) return found
  const from = request.query.get('from')?.trim() ?? ''
  if (!isValidSemver(from))
    return errorAnswer(400, `Give the version you have: ?from=<version>, e.g. 1.0.0.`)
  const earlier = found.releases.find((r) => r.version === from)
  const earlierOutput = earlier
    ? outputOf(earlier, found.params.audience, found.params.locale)
    : null
  if (!earlierOutput)
    return errorAnswer(
      404,
      `Release ${from} has no manifest for audience "${found.params.audience}" in ${found.params.locale}.`,
    )
  // A withdrawn release can still be the one a device holds: the delta away from it is valid.
  return jsonAnswer(200, {
    from,
    to: found.release.version,
    ...computeDelta(earlierOutput.assets, found.output.assets),
  })
}
