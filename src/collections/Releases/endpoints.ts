import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole, staffUser } from '../../access/roles'
import { jsonError } from '../../endpoints/jsonError'
import { RELEASE_QUEUE } from '../../jobs/buildRelease/task'
import { idText } from '../../domain/refs'
import { nextMustBeGreater } from '../../domain/releases/semver'
import { newestRelease } from '../../lib/releases/newestRelease'
import { buildIsStalled, resumeStalledBuild } from '../../lib/releases/resumeStalledBuilds'
import { runPreflight } from '../../lib/releases/runPreflight'
import type { Release } from '../../payload-types'
import { toJsonField } from '../../lib/releases/jsonField'

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
    const { result } = await runPreflight(req, release)
    return Response.json(result)
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
        publishedBy: Number(staffUser(req)!.id),
      },
      overrideAccess: true,
      req,
      context: { releaseSystem: true },
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
        withdrawnBy: Number(staffUser(req)!.id),
      },
      overrideAccess: true,
      req,
      context: { releaseSystem: true },
    })
    return Response.json({ status: 'withdrawn', message: `Release ${release.version} withdrawn.` })
  },
}

export const releaseEndpoints: Endpoint[] = [preflightEndpoint, publishEndpoint, withdrawEndpoint]
