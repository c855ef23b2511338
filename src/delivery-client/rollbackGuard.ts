import { DeliveryError } from './errors'
import { matchesQuery } from './manifest'
import type { LocalManifest } from './offlineCopy'
import { installedIn, readState } from './state'
import type { SyncPlan } from './syncPlan'
import type { InstalledRelease, ReleaseQuery } from './types'
import { compareVersions } from './versions'

/**
 * Refuses a validly signed release that is older than one already installed here, or that the
 * studio has withdrawn: a stale cache or a hostile mirror replaying it must not roll a device
 * back (and delete the newer files). Checked on the signed version, before a single file
 * changes. A folder synced before the client kept state vouches for its own (verified) version.
 */
export async function refuseRollback(
  plan: SyncPlan,
  version: string,
  localCopy: LocalManifest | null,
): Promise<void> {
  const installed = installedIn(await readState(plan.stateFile), plan.query)
  installed.highest ??=
    localCopy && matchesQuery(localCopy.manifest, plan.query) ? localCopy.version : null
  refuseOlderOrWithdrawn({ version, installed, query: plan.query, stateFile: plan.stateFile })
}

function refuseOlderOrWithdrawn({
  version,
  installed,
  query,
  stateFile,
}: {
  version: string
  installed: InstalledRelease
  query: ReleaseQuery
  stateFile: string
}): void {
  const where = `${query.toolkit} (audience ${query.audience}, ${query.locale})`
  if (Object.hasOwn(installed.withdrawn, version)) {
    const reason = installed.withdrawn[version]?.replace(/[.\s]+$/, '')
    throw new DeliveryError(
      'withdrawn',
      `Release ${version} of ${where} was withdrawn by the studio${reason ? `: ${reason}` : ''}. It is validly signed, but a withdrawn release is never installed; nothing was changed.`,
    )
  }
  const { highest } = installed
  if (highest && compareVersions(version, highest) < 0) {
    const highestWithdrawn = Object.hasOwn(installed.withdrawn, highest)
    throw new DeliveryError(
      'rollback',
      `The server offers release ${version} of ${where}, older than ${highest}, which is already installed (recorded in ${stateFile}). Refusing to roll back; nothing was changed.${highestWithdrawn ? ` ${highest} has since been withdrawn; the studio must publish a release newer than ${highest} to replace it.` : ''}`,
    )
  }
}
