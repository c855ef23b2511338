import { fetchSignedBytes, latest, type SignedBytes, type Studio } from './api'
import { DeliveryError } from './errors'
import { checkManifestAssets, checkManifestMatches, matchesQuery, parseManifest } from './manifest'
import { type LocalManifest, readLocalManifest } from './offlineCopy'
import { verifyManifest } from './signature'
import { recordWithdrawn } from './state'
import type { SyncPlan } from './syncPlan'
import type { DeliveryManifest, LatestRelease } from './types'

/** The latest release; the versions the studio lists as withdrawn are remembered at once. */
export async function findLatestRelease(studio: Studio, plan: SyncPlan): Promise<LatestRelease> {
  const release = await latest(studio, plan.query, { signal: plan.signal })
  if (release.withdrawn.length > 0) {
    await recordWithdrawn(plan.stateFile, plan.query, release.withdrawn)
  }
  return release
}

export interface TrustedManifest {
  signed: SignedBytes
  /** Verified, of the release asked for, and with a usable asset table. */
  manifest: DeliveryManifest
  /** The offline copy's manifest as it was before this sync, if intact. */
  localCopy: LocalManifest | null
}

/** The release's manifest, checked against the pins, the query and its own asset table. */
export async function fetchTrustedManifest(
  studio: Studio,
  plan: SyncPlan,
  release: LatestRelease,
): Promise<TrustedManifest> {
  const expected = { ...plan.query, version: release.version }
  const localCopy = await readLocalManifest(plan.outDir, plan.pinnedKeys, studio.maxManifestBytes)
  const local = localCopy && matchesQuery(localCopy.manifest, expected) ? localCopy : null
  const signed = await fetchSignedOrLocal(studio, plan, release, local)
  verifyManifest({ ...signed, pinnedKeys: plan.pinnedKeys })
  const manifest = parseManifest(signed.bytes)
  checkManifestMatches(manifest, expected)
  checkManifestAssets(manifest)
  return { signed, manifest, localCopy }
}

/**
 * The manifest's signed bytes. They are asked for conditionally only when the local copy is
 * intact and is this very release; a 304 then means the local bytes are exactly what the
 * server would send.
 */
async function fetchSignedOrLocal(
  studio: Studio,
  plan: SyncPlan,
  release: LatestRelease,
  local: LocalManifest | null,
): Promise<SignedBytes> {
  let signed
  try {
    signed = await fetchSignedBytes(studio, release.manifestUrl, {
      etag: local?.etag,
      signal: plan.signal,
    })
  } catch (error) {
    if (error instanceof DeliveryError && error.code === 'gone') {
      await recordWithdrawn(plan.stateFile, plan.query, [
        { version: release.version, reason: null },
      ])
    }
    throw error
  }
  if (!('notModified' in signed)) return signed
  if (!local) {
    throw new DeliveryError(
      'bad-response',
      'The server answered 304 Not Modified to an unconditional request.',
    )
  }
  return local
}
