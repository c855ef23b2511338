import type { PayloadRequest } from 'payload'

import { recordNotices } from './recordNotices'
import { scriptEditors } from './scriptNotices'
import { idText } from '../../domain/refs'
import type { Release } from '../../payload-types'

/**
 * When a release is published: everyone whose work is in it hears so, that is the people
 * assigned to, approving or writing the scripts it froze, except whoever published it.
 */
export async function recordReleaseNotices(req: PayloadRequest, release: Release): Promise<void> {
  const scriptIds = (release.freeze?.documents ?? [])
    .filter((document) => document.collection === 'scripts')
    .map((document) => document.id)
  if (scriptIds.length === 0) return
  const { payload } = req
  const scripts = await payload.find({
    collection: 'scripts',
    where: { id: { in: scriptIds } },
    select: { assignedCoProducers: true, approvals: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const people = new Set<string>(await scriptEditors(req, scriptIds))
  for (const script of scripts.docs) {
    for (const person of script.assignedCoProducers ?? []) people.add(idText(person))
    for (const approval of script.approvals ?? []) people.add(idText(approval.user))
  }
  if (req.user) people.delete(idText(req.user))
  people.delete('')
  const toolkit = await payload
    .findByID({
      collection: 'toolkits',
      id: idText(release.toolkit),
      depth: 0,
      overrideAccess: true,
      req,
    })
    .catch(() => null)
  await recordNotices(req, [...people], {
    kind: 'releasePublished',
    actorName: null,
    release: { version: release.version, toolkitTitle: toolkit?.title ?? 'a toolkit' },
    link: `${payload.config.serverURL}/admin`,
  })
}
