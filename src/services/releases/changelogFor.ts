import type { PayloadRequest } from 'payload'

import type { ToolkitModel } from './loadToolkitModel'
import { newestRelease } from './newestRelease'
import { idText } from '../../domain/refs'
import { diffReleases, formatChangelog, type FrozenRelease } from '../../domain/releases/changelog'
import type { Release } from '../../payload-types'

/**
 * What this release would freeze, the release it follows, and the changelog generated from the
 * difference: shown at preflight for the publisher to adopt and edit, used by the build when
 * the release has no changelog of its own.
 */
export async function changelogFor(
  req: PayloadRequest,
  release: Release,
  model: ToolkitModel,
): Promise<{ previous: Release | null; frozen: FrozenRelease; generated: string[] }> {
  const previous = await newestRelease(req, {
    toolkit: idText(release.toolkit),
    statuses: ['published', 'withdrawn'],
  })
  const frozen: FrozenRelease = { version: release.version, documents: model.versions }
  const generated = formatChangelog(diffReleases(previous?.freeze ?? null, frozen))
  return { previous, frozen, generated }
}
