import type { Endpoint, PayloadRequest } from 'payload'

import { matchesIfNoneMatch } from '../domain/http/conditional'
import { assetExtensionProblem, parseAssetName } from '../domain/releases/assetNames'
import { computeDelta } from '../domain/releases/delta'
import { assetContentType } from '../domain/releases/hlsForRelease'
import { isValidSemver } from '../domain/releases/semver'
import { assetKey, releaseKey } from '../domain/storage/mediaKeys'
import { isLocale, LOCALE_CODES } from '../domain/vocabulary'
import { dataDir } from '../lib/config/paths'
import { jsonError } from '../lib/http/jsonError'
import { bundleFileName } from '../lib/releases/releaseStore'
import { loadSigningKeys } from '../lib/signing'
import { NotStored, serveStored } from '../lib/storage/serveStored'
import {
  deliveryCatalog,
  manifestBytes,
  outputOf,
  type DeliveryCatalog,
} from '../services/delivery/deliveryCatalog'

/**
 * Manifests, bundles and assets are sent as stored: their ETags name those bytes and their
 * ranges count them, so no server or proxy on the way may re-encode them. Next's own gzip
 * (`next start`) honours no-transform; without it a Range on a WebVTT asset came back as a
 * gzip body with uncompressed offsets, under the ETag of the uncompressed bytes.
 */
const asStored = (cacheControl: string) => `${cacheControl}, no-transform`

const isDeliveryApp = (req: PayloadRequest) =>
  (req.user as { collection?: string } | null)?.collection === 'delivery-apps'

const unauthorised = () =>
  jsonError(
    401,
    'A delivery app API key is required: send "Authorization: delivery-apps API-Key <key>".',
  )

async function audienceAndLocale(
  req: PayloadRequest,
): Promise<{ audience: string; locale: string; catalog: DeliveryCatalog } | Response> {
  const audience = req.searchParams.get('audience')?.trim() ?? ''
  const locale = req.searchParams.get('locale')?.trim() ?? ''
  if (!audience) return jsonError(400, 'Give the audience: ?audience=<slug>.')
  const catalog = await deliveryCatalog(req.payload)
  if (!catalog.audiences.has(audience))
    return jsonError(
      400,
      `Unknown audience "${audience}": use one of ${[...catalog.audiences].sort().join(', ')}.`,
    )
  if (!isLocale(locale))
    return jsonError(400, `Unknown locale "${locale}": use ${LOCALE_CODES.join(' or ')}.`)
  return { audience, locale, catalog }
}

/** The release and output a versioned delivery route names, or the error response to send. */
async function publishedOutput(req: PayloadRequest) {
  if (!isDeliveryApp(req)) return unauthorised()
  const params = await audienceAndLocale(req)
  if (params instanceof Response) return params
  const slug = String(req.routeParams?.slug)
  const version = String(req.routeParams?.version)
  if (!isValidSemver(version))
    return jsonError(400, `"${version}" is not a release version (e.g. 1.2.0).`)
  const toolkit = params.catalog.toolkits.get(slug)
  const release = toolkit?.releases.find((r) => r.version === version)
  if (!toolkit || !release) return jsonError(404, `Toolkit "${slug}" has no release ${version}.`)
  if (release.status === 'withdrawn') {
    return jsonError(
      410,
      `Release ${version} was withdrawn: ${release.withdrawnReason ?? 'no reason given'}. Fetch the latest release instead.`,
    )
  }
  const output = outputOf(release, params.audience, params.locale)
  if (!output)
    return jsonError(
      404,
      `Release ${version} has no manifest for audience "${params.audience}" in ${params.locale}.`,
    )
  return { release, releases: toolkit.releases, output, params }
}

const versionUrl = (
  slug: string,
  version: string,
  file: string,
  audience: string,
  locale: string,
) =>
  `/api/delivery/toolkits/${encodeURIComponent(slug)}/releases/${encodeURIComponent(version)}/${file}?audience=${encodeURIComponent(audience)}&locale=${encodeURIComponent(locale)}`

export const deliveryEndpoints: Endpoint[] = [
  {
    path: '/delivery/toolkits',
    method: 'get',
    handler: async (req) => {
      if (!isDeliveryApp(req)) return unauthorised()
      const { toolkits: all } = await deliveryCatalog(req.payload)
      const toolkits = [...all.values()].flatMap((toolkit) => {
        const latest = toolkit.releases.find((r) => r.status === 'published')
        return latest
          ? [{ slug: toolkit.slug, title: toolkit.title, latestVersion: latest.version }]
          : []
      })
      return Response.json({ toolkits })
    },
  },
  {
    path: '/delivery/toolkits/:slug/releases/latest',
    method: 'get',
    handler: async (req) => {
      if (!isDeliveryApp(req)) return unauthorised()
      const params = await audienceAndLocale(req)
      if (params instanceof Response) return params
      const slug = String(req.routeParams?.slug)
      const toolkit = params.catalog.toolkits.get(slug)
      if (!toolkit) return jsonError(404, `No toolkit "${slug}".`)
      const release = toolkit.releases.find(
        (r) => r.status === 'published' && outputOf(r, params.audience, params.locale),
      )
      if (!release)
        return jsonError(
          404,
          `Toolkit "${slug}" has no published release for audience "${params.audience}" in ${params.locale}.`,
        )
      // Withdrawn releases of this output, so a client can refuse them if a stale cache or a
      // hostile mirror ever serves one (their manifests are still validly signed).
      const withdrawn = toolkit.releases
        .filter((r) => r.status === 'withdrawn' && outputOf(r, params.audience, params.locale))
        .map((r) => ({ version: r.version, reason: r.withdrawnReason ?? null }))
      return Response.json({
        version: release.version,
        publishedAt: release.publishedAt,
        withdrawn,
        manifestUrl: versionUrl(
          slug,
          release.version,
          'manifest.json',
          params.audience,
          params.locale,
        ),
        bundleUrl: versionUrl(slug, release.version, 'bundle.zip', params.audience, params.locale),
      })
    },
  },
  {
    path: '/delivery/toolkits/:slug/releases/:version/manifest.json',
    method: 'get',
    handler: async (req) => {
      const found = await publishedOutput(req)
      if (found instanceof Response) return found
      const { release, output } = found
      const etag = `"${output.manifestSha256}"`
      const headers = {
        ETag: etag,
        // Behind an API key: no shared cache may keep it for others.
        'Cache-Control': asStored('private, max-age=60'),
        'X-CDM-Signature': output.signature,
        'X-CDM-Key-Id': output.keyId,
      }
      if (matchesIfNoneMatch(req.headers.get('if-none-match'), etag))
        return new Response(null, { status: 304, headers })
      // Precomputed at publish time: served as stored, never assembled per request.
      const bytes = await manifestBytes(release, output)
      return new Response(bytes, {
        status: 200,
        headers: { ...headers, 'Content-Type': 'application/json' },
      })
    },
  },
  {
    path: '/delivery/toolkits/:slug/releases/:version/bundle.zip',
    method: 'get',
    handler: async (req) => {
      const found = await publishedOutput(req)
      if (found instanceof Response) return found
      const { release, params } = found
      return serveStored({
        key: releaseKey(release.id, bundleFileName(params.audience, params.locale)),
        contentType: 'application/zip',
        rangeHeader: req.headers.get('range'),
        // Behind an API key and withdrawable: no shared cache may keep it, and a device's own
        // cache re-asks within a minute, as for the manifest. Its assets stay cacheable.
        cacheControl: asStored('private, max-age=60'),
        etag: `"${release.id}-${params.audience}-${params.locale}"`,
        ifNoneMatch: req.headers.get('if-none-match'),
      }).catch((error: unknown) => {
        if (error instanceof NotStored)
          return jsonError(404, `The bundle of release ${release.version} is not in storage.`)
        throw error
      })
    },
  },
  {
    path: '/delivery/toolkits/:slug/releases/:version/delta',
    method: 'get',
    handler: async (req) => {
      const found = await publishedOutput(req)
      if (found instanceof Response) return found
      const from = req.searchParams.get('from')?.trim() ?? ''
      if (!isValidSemver(from))
        return jsonError(400, `Give the version you have: ?from=<version>, e.g. 1.0.0.`)
      const earlier = found.releases.find((r) => r.version === from)
      const earlierOutput = earlier
        ? outputOf(earlier, found.params.audience, found.params.locale)
        : null
      if (!earlier || !earlierOutput)
        return jsonError(
          404,
          `Release ${from} has no manifest for audience "${found.params.audience}" in ${found.params.locale}.`,
        )
      // A withdrawn release can still be the one a device holds: the delta away from it is valid.
      return Response.json({
        from,
        to: found.release.version,
        ...computeDelta(earlierOutput.assets, found.output.assets),
      })
    },
  },
  {
    path: '/delivery/assets/:name',
    method: 'get',
    handler: async (req) => {
      if (!isDeliveryApp(req)) return unauthorised()
      const name = parseAssetName(String(req.routeParams?.name))
      if ('problem' in name) return jsonError(400, name.problem)
      const { sha256, extension } = name
      const declared = (await deliveryCatalog(req.payload)).assetMimes.get(sha256)
      const refusal = (mime: string) => {
        const problem = assetExtensionProblem({ sha256, extension, mime })
        return problem ? jsonError(404, problem) : null
      }
      const early = declared ? refusal(declared) : null
      if (early) return early
      let response: Response
      try {
        response = await serveStored({
          key: assetKey(sha256),
          // As its manifests declare it; one in no release yet known here is typed by its bytes.
          contentType: declared ?? assetContentType,
          rangeHeader: req.headers.get('range'),
          cacheControl: asStored('public, max-age=31536000, immutable'),
          etag: `"${sha256}"`,
          ifNoneMatch: req.headers.get('if-none-match'),
        })
      } catch {
        return jsonError(404, `No asset ${sha256}.`)
      }
      const sniffed = declared ? null : response.headers.get('content-type')
      const late = sniffed ? refusal(sniffed) : null
      if (late) await response.body?.cancel()
      return late ?? response
    },
  },
  {
    path: '/delivery/keys',
    method: 'get',
    handler: async (req) => {
      if (!isDeliveryApp(req)) return unauthorised()
      try {
        return Response.json({ keys: loadSigningKeys({ dataDir: dataDir() }).publicKeys })
      } catch (error) {
        return jsonError(503, `No signing keys are configured: ${(error as Error).message}`)
      }
    },
  },
]
