import { readAll, readItem, writeItem } from './deviceStore'
import { hasAsset, putAsset, readAssetText } from './releaseCache'
import { fetchAsset, fetchLatest, fetchSignedManifest, type SignedManifest } from './studioApi'
import {
  checkAssetAsync,
  type DeliveryManifest,
  type PinnedKey,
  trustedManifestAsync,
} from '../../delivery-client/browser'
import type { Connection } from '../model/deviceSetup'
import { type DownloadPlan, multivariantShas } from '../model/downloadPlan'
import { parseMultivariant, shaOfUri } from '../model/hlsPlaylist'

export interface OutputChoice {
  toolkit: string
  audience: string
  locale: string
}

/** A release on the device: its signed manifest as received, and what was downloaded. */
export interface StoredRelease extends OutputChoice {
  version: string
  toolkitTitle: string
  audienceLabel: string
  accent: string
  lowData: boolean
  files: string[]
  signed: SignedManifest
  savedAt: string
}

export const releaseKeyOf = (choice: OutputChoice) =>
  `${choice.toolkit}|${choice.audience}|${choice.locale}`

export interface PreparedRelease {
  choice: OutputChoice
  signed: SignedManifest
  manifest: DeliveryManifest
  /** Every HLS playlist of the release by sha256, verified, to plan a low-data download. */
  playlists: Map<string, string>
}

async function verifiedText(
  connection: Connection,
  manifest: DeliveryManifest,
  sha256: string,
): Promise<string> {
  const { file, mime } = manifest.assets[sha256]
  const cached = await readAssetText(file)
  if (cached !== null) return cached
  const bytes = await fetchAsset(connection, file)
  await checkAssetAsync(manifest, sha256, bytes)
  await putAsset(file, bytes, mime)
  return new TextDecoder().decode(bytes)
}

/**
 * The latest release of a toolkit for an audience and locale, its signature checked against
 * the pinned keys before anything else is read, and its playlists (verified) for planning.
 */
export async function prepareRelease(
  connection: Connection,
  pinnedKeys: readonly PinnedKey[],
  choice: OutputChoice,
): Promise<PreparedRelease> {
  const latest = await fetchLatest(connection, choice.toolkit, choice.audience, choice.locale)
  const signed = await fetchSignedManifest(connection, latest.manifestUrl)
  const manifest = await trustedManifestAsync({
    ...signed,
    pinnedKeys,
    expected: { ...choice, version: latest.version },
  })
  const playlists = new Map<string, string>()
  for (const master of multivariantShas(manifest)) {
    const text = await verifiedText(connection, manifest, master)
    playlists.set(master, text)
    const { variants, renditions } = parseMultivariant(text)
    const media = [...variants.map((v) => v.uri), ...renditions.flatMap((r) => r.uri ?? [])]
    for (const sha of media.map(shaOfUri)) {
      if (Object.hasOwn(manifest.assets, sha) && !playlists.has(sha))
        playlists.set(sha, await verifiedText(connection, manifest, sha))
    }
  }
  return { choice, signed, manifest, playlists }
}

/**
 * Downloads every file of the plan not yet on the device, each checked against its sha256
 * before it is kept, then records the release. A file that fails its check stops the download
 * and the release is not recorded, so it never opens.
 */
export async function downloadRelease(options: {
  connection: Connection
  prepared: PreparedRelease
  plan: DownloadPlan
  accent: string
  lowData: boolean
  onProgress: (done: number, total: number) => void
}): Promise<StoredRelease> {
  const { connection, prepared, plan } = options
  const { manifest } = prepared
  let done = 0
  options.onProgress(done, plan.files.length)
  const queue = [...plan.files]
  let failed = false
  const worker = async () => {
    for (let sha = queue.shift(); sha && !failed; sha = queue.shift()) {
      try {
        const { file, mime } = manifest.assets[sha]
        if (!(await hasAsset(file))) {
          const bytes = await fetchAsset(connection, file)
          await checkAssetAsync(manifest, sha, bytes)
          await putAsset(file, bytes, mime)
        }
      } catch (error) {
        // The first failure stops every worker: the release will not be recorded anyway.
        failed = true
        throw error
      }
      done += 1
      if (!failed) options.onProgress(done, plan.files.length)
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  const stored: StoredRelease = {
    ...prepared.choice,
    version: manifest.release.version,
    toolkitTitle: manifest.toolkit.title,
    audienceLabel: manifest.audience.label,
    accent: options.accent,
    lowData: options.lowData,
    files: plan.files,
    signed: prepared.signed,
    savedAt: new Date().toISOString(),
  }
  await writeItem('releases', releaseKeyOf(prepared.choice), stored)
  return stored
}

export const storedReleases = () => readAll<StoredRelease>('releases')

/**
 * A downloaded release, trusted again as it opens: its manifest is re-verified against the
 * pinned keys, and every file it needs must still be in the cache.
 */
export async function openStoredRelease(
  key: string,
  pinnedKeys: readonly PinnedKey[],
): Promise<{ stored: StoredRelease; manifest: DeliveryManifest } | null> {
  const stored = await readItem<StoredRelease>('releases', key)
  if (!stored) return null
  const manifest = await trustedManifestAsync({
    ...stored.signed,
    pinnedKeys,
    expected: { ...stored, version: stored.version },
  })
  const present = await Promise.all(
    stored.files.map((sha) => hasAsset(manifest.assets[sha]?.file ?? sha)),
  )
  return present.every(Boolean) ? { stored, manifest } : null
}
