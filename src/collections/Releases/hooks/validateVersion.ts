import type { CollectionBeforeValidateHook } from 'payload'

import { idOf } from '../../../domain/refs'
import { isValidSemver, nextMustBeGreater } from '../../../domain/releases/semver'
import { VERSION_CLAIMING_STATUSES } from '../../../domain/vocabulary'
import { throwIfFieldErrors } from '../../../hooks/fieldErrors'
import type { Release } from '../../../payload-types'
import { newestRelease } from '../../../services/releases/newestRelease'

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
  // Every release past draft has claimed its version, failed builds included.
  const previous = await newestRelease(req, {
    toolkit,
    statuses: VERSION_CLAIMING_STATUSES,
    exceptId: originalDoc?.id,
  })
  const problem = nextMustBeGreater(previous?.version ?? null, version)
  throwIfFieldErrors('releases', problem ? [{ path: 'version', message: problem }] : [], req)
  return data ? { ...data, version } : data
}
