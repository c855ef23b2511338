import path from 'node:path'
import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole, staffUser } from '../../access/roles'
import { jsonError } from '../../lib/http/jsonError'
import { RELEASE_QUEUE } from '../../jobs/queues'
import { asRelationId, idText } from '../../domain/refs'
import { nextMustBeGreater } from '../../domain/releases/semver'
import { newestRelease } from '../../lib/releases/newestRelease'
import { buildIsStalled, resumeStalledBuild } from '../../services/releases/resumeStalledBuilds'
import { runPreflight } from '../../lib/releases/runPreflight'
import { changelogFor } from '../../lib/releases/changelogFor'
import {
  bundleFileName,
  manifestFileName,
  releaseDir,
  signatureFileName,
} from '../../lib/releases/releaseStore'
import { serveFile } from '../../lib/storage/serveFile'
import { dataDir } from '../../lib/config/paths'
import { loadSigningKeys } from '../../lib/signing'
import { summariseOutputs, type ReleaseOutput } from '../../domain/releases/summary'
import type { Release } from '../../payload-types'
import { toJsonField } from '../../lib/releases/jsonField'
import { RELEASE_SYSTEM_WRITE } from '../../services/writeContext'

async function releaseFor(req: PayloadRequest): Promise<Release | null> {
  return req.payload
    .findByID({
      collection: 'releases',
      id: String(req.routeParams?.id),
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch(() => null)
}

/** POST /api/releases/:id/preflight — the checks a publish would make, with the coverage matrix. */
const preflightEndpoint: Endpoint = {
  path: '/:id/preflight',
  method: 'post',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to check a release.')
    const release = await releaseFor(req)
    if (!release) return jsonError(404, 'Release not found.')
    const { result, models } = await runPreflight(req, release)
    const { previous, generated } = await changelogFor(req, release, models.values().next().value!)
    return Response.json({ ...result, previous: previous?.version ?? null, changelog: generated })
  },
}

/** GET /api/releases/:id/summary — output sizes, and the delta from each earlier release. */
const summaryEndpoint: Endpoint = {
  path: '/:id/summary',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to see a release.')
    const release = await releaseFor(req)
    if (!release) return jsonError(404, 'Release not found.')
    const earlier = await req.payload.find({
      collection: 'releases',
      where: {
        and: [
          { toolkit: { equals: idText(release.toolkit) } },
          { status: { in: ['published', 'withdrawn'] } },
          { id: { not_equals: release.id } },
        ],
      },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const outputsOf = (r: Release) => (Array.isArray(r.outputs) ? r.outputs : []) as ReleaseOutput[]
    return Response.json({
      outputs: summariseOutputs(
        { version: release.version, outputs: outputsOf(release) },
        earlier.docs.map((r) => ({ version: r.version, outputs: outputsOf(r) })),
      ),
    })
  },
}

const DOWNLOADS = {
  bundle: { name: bundleFileName, type: 'application/zip' },
  manifest: { name: manifestFileName, type: 'application/json' },
  signature: { name: signatureFileName, type: 'application/json' },
} as const

/**
 * GET /api/releases/:id/download?audience=&locale=&file=bundle|manifest|signature — a
 * published release's files for staff, e.g. to preload devices by hand or to check a build.
 */
const downloadEndpoint: Endpoint = {
  path: '/:id/download',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to download a release.')
    const release = await releaseFor(req)
    if (!release) return jsonError(404, 'Release not found.')
    const kind = req.searchParams.get('file') ?? 'bundle'
    if (!Object.hasOwn(DOWNLOADS, kind))
      return jsonError(400, `Unknown file "${kind}": use bundle, manifest or signature.`)
    if (release.status !== 'published' && release.status !== 'withdrawn')
      return jsonError(400, `Release ${release.version} is ${release.status}; it has no files yet.`)
    const audience = req.searchParams.get('audience') ?? ''
    const locale = req.searchParams.get('locale') ?? ''
    const output = (release.outputs as ReleaseOutput[] | null)?.find(
      (o) => o.audience === audience && o.locale === locale,
    )
    if (!output)
      return jsonError(404, `Release ${release.version} has no files for ${audience} in ${locale}.`)
    const download = DOWNLOADS[kind as keyof typeof DOWNLOADS]
    const name = download.name(audience, locale)
    const response = await serveFile({
      file: path.join(releaseDir(release.id), name),
      contentType: download.type,
      rangeHeader: req.headers.get('range'),
      cacheControl: 'private, no-cache',
    })
    response.headers.set('Content-Disposition', `attachment; filename="${release.version}-${name}"`)
    return response
  },
}

/**
 * POST /api/releases/:id/publish — re-checks preflight on the server and queues the build;
 * the release shows "building" until the job publishes it or says why it failed. On a build
 * whose process died (no heartbeat), it resumes the build instead.
 */
const publishEndpoint: Endpoint = {
  path: '/:id/publish',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req, 'admin', 'publisher'))
      return jsonError(403, 'Only publishers and admins can publish releases.')
    const release = await releaseFor(req)
    if (!release) return jsonError(404, 'Release not found.')
    if (release.status === 'building') {
      if (!buildIsStalled(release))
        return jsonError(409, `Release ${release.version} is already building.`)
      await resumeStalledBuild(req.payload, release, req)
      return Response.json(
        {
          status: 'building',
          message: `The build of release ${release.version} had stopped; it is building again.`,
        },
        { status: 202 },
      )
    }
    if (release.status !== 'draft' && release.status !== 'failed') {
      return jsonError(
        400,
        `Release ${release.version} is ${release.status}; only a draft or failed release can be published.`,
      )
    }
    const newest = await newestRelease(req, {
      toolkit: idText(release.toolkit),
      statuses: ['building', 'published', 'withdrawn'],
    })
    const versionProblem = nextMustBeGreater(newest?.version ?? null, release.version)
    if (versionProblem)
      return jsonError(400, `${versionProblem}. Change the version before publishing.`)
    try {
      loadSigningKeys({ dataDir: dataDir() })
    } catch (error) {
      return jsonError(503, `Releases cannot be signed yet: ${(error as Error).message}`)
    }
    const { result } = await runPreflight(req, release)
    if (!result.ok) {
      return Response.json(
        {
          errors: [
            {
              message: `Preflight found ${result.problems.length} problem(s); fix them first.`,
              data: result.problems,
            },
          ],
        },
        { status: 400 },
      )
    }
    await req.payload.update({
      collection: 'releases',
      id: release.id,
      data: {
        status: 'building',
        failureReason: null,
        preflight: toJsonField(result),
        publishedBy: asRelationId(staffUser(req)!.id),
      },
      overrideAccess: true,
      req,
      context: RELEASE_SYSTEM_WRITE,
    })
    await req.payload.jobs.queue({
      task: 'buildRelease',
      queue: RELEASE_QUEUE,
      input: { releaseId: String(release.id) },
      req,
    })
    return Response.json(
      { status: 'building', message: `Building release ${release.version}.` },
      { status: 202 },
    )
  },
}

/** POST /api/releases/:id/withdraw { reason } — the only change a published release accepts. */
const withdrawEndpoint: Endpoint = {
  path: '/:id/withdraw',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req, 'admin', 'publisher'))
      return jsonError(403, 'Only publishers and admins can withdraw releases.')
    const release = await releaseFor(req)
    if (!release) return jsonError(404, 'Release not found.')
    if (release.status !== 'published')
      return jsonError(
        400,
        `Release ${release.version} is ${release.status}; only a published release can be withdrawn.`,
      )
    const body = (await req.json?.().catch(() => null)) as { reason?: string } | null
    const reason = body?.reason?.trim()
    if (!reason) return jsonError(400, 'Say why the release is withdrawn: { "reason": "…" }.')
    await req.payload.update({
      collection: 'releases',
      id: release.id,
      data: {
        status: 'withdrawn',
        withdrawnReason: reason,
        withdrawnBy: asRelationId(staffUser(req)!.id),
      },
      overrideAccess: true,
      req,
      context: RELEASE_SYSTEM_WRITE,
    })
    return Response.json({ status: 'withdrawn', message: `Release ${release.version} withdrawn.` })
  },
}

export const releaseEndpoints: Endpoint[] = [
  preflightEndpoint,
  summaryEndpoint,
  downloadEndpoint,
  publishEndpoint,
  withdrawEndpoint,
]
