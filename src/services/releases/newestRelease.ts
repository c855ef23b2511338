import type { PayloadRequest, Where } from 'payload'

import type { Id } from '../../domain/refs'
import { compareSemver, isValidSemver } from '../../domain/releases/semver'
import type { Release } from '../../payload-types'

/** The toolkit's highest-versioned release in one of these states, other than `exceptId`. */
export async function newestRelease(
  req: PayloadRequest,
  input: { toolkit: Id; statuses: Release['status'][]; exceptId?: Id },
): Promise<Release | null> {
  const conditions: Where[] = [
    { toolkit: { equals: input.toolkit } },
    { status: { in: input.statuses } },
  ]
  if (input.exceptId != null) conditions.push({ id: { not_equals: input.exceptId } })
  const releases = await req.payload.find({
    collection: 'releases',
    where: { and: conditions },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return (
    releases.docs
      .filter((r) => isValidSemver(r.version))
      .sort((a, b) => compareSemver(a.version, b.version))
      .pop() ?? null
  )
}
