import type { PayloadRequest } from 'payload'

import { changelogFor } from './changelogFor'
import { runPreflight } from './runPreflight'
import { idText } from '../../domain/refs'
import type { PreflightResult } from '../../domain/releases/preflight'
import { type ReleaseOutput, summariseOutputs } from '../../domain/releases/summary'
import type { Release } from '../../payload-types'

/** What a publish would check, with the coverage matrix, and the changelog it would generate. */
export async function preflightReport(
  req: PayloadRequest,
  release: Release,
): Promise<PreflightResult & { previous: string | null; changelog: string[] }> {
  const { result, models } = await runPreflight(req, release)
  const { previous, generated } = await changelogFor(req, release, models.values().next().value!)
  return { ...result, previous: previous?.version ?? null, changelog: generated }
}

/** A release's output sizes, and the update size from each earlier published release. */
export async function outputSummary(req: PayloadRequest, release: Release) {
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
  return summariseOutputs(
    { version: release.version, outputs: outputsOf(release) },
    earlier.docs.map((r) => ({ version: r.version, outputs: outputsOf(r) })),
  )
}

export const outputsOf = (release: Release): ReleaseOutput[] => release.outputs ?? []
