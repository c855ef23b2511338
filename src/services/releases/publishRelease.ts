import type { PayloadRequest } from 'payload'

import { newestRelease } from './newestRelease'
import { staffUser } from '../../access/roles'
import { asRelationId, idText } from '../../domain/refs'
import type { PreflightResult } from '../../domain/releases/preflight'
import { nextMustBeGreater } from '../../domain/releases/semver'
import { RELEASE_QUEUE } from '../../jobs/queues'
import { dataDir } from '../../lib/config/paths'
import { loadSigningKeys } from '../../lib/signing'
import type { Release } from '../../payload-types'
import { refuse, type Refusal } from '../refusal'
import { RELEASE_SYSTEM_WRITE } from '../writeContext'
import { buildIsStalled, resumeStalledBuild } from './resumeStalledBuilds'
import { runPreflight } from './runPreflight'

export type PublishOutcome = { ok: true; message: string } | Refusal

/**
 * Publishes a release: checks it may be (its state, a version above every earlier release, a
 * signing key, preflight on the server), marks it building and queues the build, which
 * publishes it or says why it failed. A build whose process died (no heartbeat) is resumed.
 */
export async function publishRelease(
  req: PayloadRequest,
  release: Release,
): Promise<PublishOutcome> {
  if (release.status === 'building') return resumeIfStalled(req, release)
  if (release.status !== 'draft' && release.status !== 'failed') {
    return refuse(
      400,
      `Release ${release.version} is ${release.status}; only a draft or failed release can be published.`,
    )
  }
  const refusal = (await versionRefusal(req, release)) ?? signingKeyRefusal()
  if (refusal) return refusal
  const { result } = await runPreflight(req, release)
  if (!result.ok) {
    return refuse(
      400,
      `Preflight found ${result.problems.length} problem(s); fix them first.`,
      result.problems,
    )
  }
  await markBuilding(req, release, result)
  await req.payload.jobs.queue({
    task: 'buildRelease',
    queue: RELEASE_QUEUE,
    input: { releaseId: String(release.id) },
    req,
  })
  return { ok: true, message: `Building release ${release.version}.` }
}

async function resumeIfStalled(req: PayloadRequest, release: Release): Promise<PublishOutcome> {
  if (!buildIsStalled(release))
    return refuse(409, `Release ${release.version} is already building.`)
  await resumeStalledBuild(req.payload, release, req)
  return {
    ok: true,
    message: `The build of release ${release.version} had stopped; it is building again.`,
  }
}

async function versionRefusal(req: PayloadRequest, release: Release): Promise<Refusal | null> {
  const newest = await newestRelease(req, {
    toolkit: idText(release.toolkit),
    statuses: ['building', 'published', 'withdrawn'],
  })
  const problem = nextMustBeGreater(newest?.version ?? null, release.version)
  return problem ? refuse(400, `${problem}. Change the version before publishing.`) : null
}

function signingKeyRefusal(): Refusal | null {
  try {
    loadSigningKeys({ dataDir: dataDir() })
    return null
  } catch (error) {
    return refuse(503, `Releases cannot be signed yet: ${(error as Error).message}`)
  }
}

async function markBuilding(req: PayloadRequest, release: Release, preflight: PreflightResult) {
  await req.payload.update({
    collection: 'releases',
    id: release.id,
    data: {
      status: 'building',
      failureReason: null,
      preflight,
      publishedBy: asRelationId(staffUser(req)!.id),
    },
    overrideAccess: true,
    req,
    context: RELEASE_SYSTEM_WRITE,
  })
}
