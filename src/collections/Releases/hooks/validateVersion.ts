import type { CollectionBeforeValidateHook, Where } from 'payload'

import { compareSemver, isValidSemver, nextMustBeGreater } from '../../../domain/releases/semver'
import { idOf, throwIfFieldErrors } from '../../../hooks/fieldErrors'
import type { Release } from '../../../payload-types'

/** The version is semver and greater than every earlier release of the same toolkit. */
export const validateReleaseVersion: CollectionBeforeValidateHook<Release> = async ({
  data,
  originalDoc,
  req,
  context,
}) => {
  // Building, publishing and withdrawing never change the version; the publish endpoint re-checks it.
  if (context.releaseSystem) return data
  const version = (data?.version ?? originalDoc?.version)?.trim()
  const toolkit = idOf(data?.toolkit ?? originalDoc?.toolkit)
  if (!version || toolkit == null) return data
  if (!isValidSemver(version)) {
    throwIfFieldErrors(
      'releases',
      [
        {
          path: 'version',
          message: nextMustBeGreater(null, version) ?? `"${version}" is not a semantic version.`,
        },
      ],
      req,
    )
  }
  const conditions: Where[] = [
    { toolkit: { equals: toolkit } },
    { status: { not_equals: 'draft' } },
  ]
  if (originalDoc?.id != null) conditions.push({ id: { not_equals: originalDoc.id } })
  const earlier = await req.payload.find({
    collection: 'releases',
    where: { and: conditions },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { version: true },
  })
  const previous =
    earlier.docs
      .map((r) => r.version)
      .filter(isValidSemver)
      .sort(compareSemver)
      .pop() ?? null
  const problem = nextMustBeGreater(previous, version)
  throwIfFieldErrors('releases', problem ? [{ path: 'version', message: problem }] : [], req)
  return data ? { ...data, version } : data
}
