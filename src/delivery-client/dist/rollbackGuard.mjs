// Generated from src/delivery-client/rollbackGuard.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { DeliveryError } from './errors.mjs'
import { matchesQuery } from './manifest.mjs'
import { installedIn, readState } from './state.mjs'
import { compareVersions } from './versions.mjs'
/**
 * Refuses a validly signed release that is older than one already installed here, or that the
 * studio has withdrawn: a stale cache or a hostile mirror replaying it must not roll a device
 * back (and delete the newer files). Checked on the signed version, before a single file
 * changes. A folder synced before the client kept state vouches for its own (verified) version.
 */
export async function refuseRollback(plan, version, localCopy) {
  const installed = installedIn(await readState(plan.stateFile), plan.query)
  installed.highest ??=
    localCopy && matchesQuery(localCopy.manifest, plan.query) ? localCopy.version : null
  refuseOlderOrWithdrawn({ version, installed, query: plan.query, stateFile: plan.stateFile })
}
function refuseOlderOrWithdrawn({ version, installed, query, stateFile }) {
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
