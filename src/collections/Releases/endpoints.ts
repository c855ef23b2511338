import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole, staffUser } from '../../access/roles'
import type { Checked } from '../../domain/http/bodyFields'
import { emptyRequestOf, withdrawRequestOf } from '../../domain/http/endpointBodies'
import { ASSET_MIME } from '../../domain/manifest/buildManifest'
import { assetKey, releaseKey } from '../../domain/storage/mediaKeys'
import { readJsonBody } from '../../endpoints/readJsonBody'
import { jsonError, refusalResponse } from '../../lib/http/jsonError'
import {
  bundleFileName,
  manifestFileName,
  printableFileName,
  signatureFileName,
} from '../../lib/releases/releaseStore'
import { NotStored, serveStored } from '../../lib/storage/serveStored'
import type { Release } from '../../payload-types'
import { releaseHoldings } from '../../services/consent/releaseHoldings'
import { publishRelease } from '../../services/releases/publishRelease'
import { readableRelease } from '../../services/releases/readableRelease'
import { outputsOf, outputSummary, preflightReport } from '../../services/releases/releaseReports'
import { withdrawRelease } from '../../services/releases/withdrawRelease'

type ReleaseHandler<B> = (req: PayloadRequest, release: Release, body: B) => Promise<Response>

/**
 * An endpoint on /api/releases/:id/…: the caller's check, the body (checked by a pure reader
 * from src/domain/http/, for POSTs), then the release they may read.
 */
function releaseEndpoint<B = undefined>(
  method: Endpoint['method'],
  action: string,
  mayCall: (req: PayloadRequest) => Response | null,
  handle: ReleaseHandler<B>,
  bodyOf?: (body: unknown) => Checked<B>,
): Endpoint {
  return {
    path: `/:id/${action}`,
    method,
    handler: async (req) => {
      const refused = mayCall(req)
      if (refused) return refused
      const body = bodyOf
        ? await readJsonBody(req, bodyOf)
        : { ok: true as const, value: undefined as B }
      if (!body.ok) return body.response
      const release = await readableRelease(req, String(req.routeParams?.id))
      if (!release) return jsonError(404, 'Release not found.')
      return handle(req, release, body.value)
    },
  }
}

const signedIn = (doing: string) => (req: PayloadRequest) =>
  staffUser(req) ? null : jsonError(401, `Sign in to ${doing}.`)
const publishers = (doing: string) => (req: PayloadRequest) =>
  hasRole(req, 'admin', 'publisher')
    ? null
    : jsonError(403, `Only publishers and admins can ${doing} releases.`)

const DOWNLOADS = {
  bundle: { name: bundleFileName, type: 'application/zip' },
  manifest: { name: manifestFileName, type: 'application/json' },
  signature: { name: signatureFileName, type: 'application/json' },
  printable: { name: printableFileName, type: ASSET_MIME.printable },
} as const

/**
 * GET /api/releases/:id/download?audience=&locale=&file=bundle|manifest|signature|printable — a
 * published release's files for staff, e.g. to preload devices by hand, to check a build or to
 * print the worksheets.
 */
const download: ReleaseHandler<undefined> = async (req, release) => {
  const kind = req.searchParams.get('file') ?? 'bundle'
  if (!Object.hasOwn(DOWNLOADS, kind))
    return jsonError(400, `Unknown file "${kind}": use bundle, manifest, signature or printable.`)
  if (release.status !== 'published' && release.status !== 'withdrawn')
    return jsonError(400, `Release ${release.version} is ${release.status}; it has no files yet.`)
  const audience = req.searchParams.get('audience') ?? ''
  const locale = req.searchParams.get('locale') ?? ''
  const output = outputsOf(release).find((o) => o.audience === audience && o.locale === locale)
  if (!output)
    return jsonError(404, `Release ${release.version} has no files for ${audience} in ${locale}.`)
  const { name: fileName, type } = DOWNLOADS[kind as keyof typeof DOWNLOADS]
  const name = fileName(audience, locale)
  // The worksheets are an asset of the release, stored once by hash like its media.
  const printable = Object.keys(output.assets).find((sha) => output.assets[sha].mime === type)
  if (kind === 'printable' && !printable)
    return jsonError(404, `Release ${release.version} was built without printable worksheets.`)
  const response = await serveStored({
    key: kind === 'printable' ? assetKey(printable!) : releaseKey(release.id, name),
    contentType: type,
    rangeHeader: req.headers.get('range'),
    cacheControl: 'private, no-cache',
  }).catch((error: unknown) => {
    if (error instanceof NotStored)
      return jsonError(404, `The ${kind} of release ${release.version} is not in storage.`)
    throw error
  })
  response.headers.set('Content-Disposition', `attachment; filename="${release.version}-${name}"`)
  return response
}

export const releaseEndpoints: Endpoint[] = [
  // The checks a publish would make, with the coverage matrix and the generated changelog.
  releaseEndpoint(
    'post',
    'preflight',
    signedIn('check a release'),
    async (req, release) => Response.json(await preflightReport(req, release)),
    emptyRequestOf,
  ),
  // Output sizes, and the update size from each earlier release.
  releaseEndpoint('get', 'summary', signedIn('see a release'), async (req, release) =>
    Response.json({
      outputs: await outputSummary(req, release),
      holdings: await releaseHoldings(req, release),
    }),
  ),
  releaseEndpoint('get', 'download', signedIn('download a release'), download),
  // Queues the build; the release shows "building" until the job publishes it or says why not.
  releaseEndpoint(
    'post',
    'publish',
    publishers('publish'),
    async (req, release) => {
      const outcome = await publishRelease(req, release)
      if (!outcome.ok) return refusalResponse(outcome)
      return Response.json({ status: 'building', message: outcome.message }, { status: 202 })
    },
    emptyRequestOf,
  ),
  // POST { reason }: the only change a published release accepts.
  releaseEndpoint(
    'post',
    'withdraw',
    publishers('withdraw'),
    async (req, release, { reason }) => {
      const outcome = await withdrawRelease(req, release, reason)
      if (!outcome.ok) return refusalResponse(outcome)
      return Response.json({ status: 'withdrawn', message: outcome.message })
    },
    withdrawRequestOf,
  ),
]
