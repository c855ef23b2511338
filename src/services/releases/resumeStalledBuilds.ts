import type { Payload, PayloadRequest } from 'payload'

import { secondsSetting } from '../../domain/jobs/heartbeat'
import { DEFAULT_STALE_AFTER_MS, isBuildStalled } from '../../domain/releases/buildProgress'
import { RELEASE_QUEUE, releaseBuildKey } from '../../jobs/queues'
import { removeInterruptedWrites } from '../../lib/releases/releaseStore'
import type { Release } from '../../payload-types'

/**
 * How long a build may go without a heartbeat before it counts as dead
 * (RELEASE_BUILD_STALE_SECONDS).
 */
export function buildStaleAfterMs(): number {
  return secondsSetting(process.env.RELEASE_BUILD_STALE_SECONDS, DEFAULT_STALE_AFTER_MS)
}

export const buildIsStalled = (release: Release, now = new Date()) =>
  isBuildStalled(release, now, buildStaleAfterMs())

/**
 * Takes over a build whose process died: its job, left "processing" for ever, is marked
 * interrupted (otherwise it would block the release's next build), half-written files are
 * removed, and a fresh build is queued unless one is already waiting.
 */
export async function resumeStalledBuild(
  payload: Payload,
  release: Release,
  req?: PayloadRequest,
): Promise<void> {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { concurrencyKey: { equals: releaseBuildKey(release.id) } },
        { completedAt: { equals: null } },
        { hasError: { not_equals: true } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const job of jobs.docs.filter((j) => j.processing)) {
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: job.id,
      data: {
        processing: false,
        hasError: true,
        error: { message: 'Interrupted: the process running this build stopped.' },
      },
      returning: false,
      req,
    })
  }
  await removeInterruptedWrites(release.id, buildStaleAfterMs())
  const now = new Date().toISOString()
  await payload.db.updateOne({
    collection: 'releases',
    id: release.id,
    data: {
      build: { phase: 'preflight', done: 0, total: 0, startedAt: now, heartbeatAt: now },
    },
    returning: false,
    req,
  })
  if (!jobs.docs.some((j) => !j.processing)) {
    await payload.jobs.queue({
      task: 'buildRelease',
      queue: RELEASE_QUEUE,
      input: { releaseId: String(release.id) },
      req,
    })
  }
  payload.logger.warn(`Release ${release.version} (${release.id}): resumed an interrupted build.`)
}

/** At start-up: every release left "building" by a process that died gets a fresh build. */
export async function resumeStalledBuilds(payload: Payload): Promise<number> {
  const building = await payload.find({
    collection: 'releases',
    where: { status: { equals: 'building' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const stalled = building.docs.filter((r) => buildIsStalled(r))
  for (const release of stalled) await resumeStalledBuild(payload, release)
  return stalled.length
}
