/**
 * The offline copy a sync keeps:
 *   <outDir>/manifest.json       the exact signed bytes
 *   <outDir>/manifest.sig.json   { keyId, signature }
 *   <outDir>/manifest.etag       the server's ETag, so an unchanged manifest is not re-sent
 *   <outDir>/assets/<file>       every file of the release, by its manifest `file` name
 *                                (its hash and extension)
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { SignedBytes } from './api'
import { writeAtomic } from './files'
import { parseManifest } from './manifest'
import { verifyManifest } from './signature'
import type { DeliveryManifest, PinnedKey } from './types'

const MANIFEST_FILE = 'manifest.json'
const SIGNATURE_FILE = 'manifest.sig.json'
const ETAG_FILE = 'manifest.etag'
const ASSET_FILE = /^[0-9a-f]{64}(?:\.[a-z0-9]{1,8})?$/
const PART = '.part'

export type LocalManifest = SignedBytes & { manifest: DeliveryManifest; version: string }

export function assetDirOf(outDir: string): string {
  return path.join(outDir, 'assets')
}

/**
 * The local manifest with its ETag, if it is no larger than `limit` and verifies against the
 * pins; anything else (missing, damaged, too large) is treated as absent.
 */
export async function readLocalManifest(
  outDir: string,
  pinnedKeys: readonly PinnedKey[],
  limit: number,
): Promise<LocalManifest | null> {
  try {
    const file = path.join(outDir, MANIFEST_FILE)
    if ((await fs.stat(file)).size > limit) return null
    const bytes = new Uint8Array(await fs.readFile(file))
    const sig = JSON.parse(await fs.readFile(path.join(outDir, SIGNATURE_FILE), 'utf8'))
    const etag = (await fs.readFile(path.join(outDir, ETAG_FILE), 'utf8').catch(() => '')).trim()
    verifyManifest({ bytes, signature: sig.signature, keyId: sig.keyId, pinnedKeys })
    const manifest = parseManifest(bytes)
    const version = manifest.release?.version
    if (typeof version !== 'string') return null
    return {
      bytes,
      signature: sig.signature,
      keyId: sig.keyId,
      etag: etag || null,
      manifest,
      version,
    }
  } catch {
    return null
  }
}

/**
 * Makes `signed` the manifest in force. The signature goes first so the manifest rename is the
 * single step that switches releases.
 */
export async function installManifest(outDir: string, signed: SignedBytes): Promise<void> {
  const sig = JSON.stringify({ keyId: signed.keyId, signature: signed.signature }, null, 2)
  await writeAtomic(path.join(outDir, SIGNATURE_FILE), `${sig}\n`)
  await writeAtomic(path.join(outDir, MANIFEST_FILE), signed.bytes)
  if (signed.etag) await writeAtomic(path.join(outDir, ETAG_FILE), signed.etag)
  else await fs.rm(path.join(outDir, ETAG_FILE), { force: true })
}

/**
 * Deletes the asset files (and leftover downloads) `manifest` does not list under their name;
 * returns the sha256 of the assets removed, that is of those the manifest no longer has at all.
 */
export async function removeUnlistedAssets(
  outDir: string,
  manifest: DeliveryManifest,
): Promise<string[]> {
  const assetDir = assetDirOf(outDir)
  const listed = new Set(Object.values(manifest.assets).map((asset) => asset.file))
  const removed: string[] = []
  for (const name of await fs.readdir(assetDir)) {
    const partial = name.endsWith(PART)
    const asset = partial ? name.slice(0, -PART.length) : name
    if (!ASSET_FILE.test(asset) || listed.has(asset)) continue
    await fs.rm(path.join(assetDir, name), { force: true })
    const sha = asset.slice(0, 64)
    if (!partial && !Object.hasOwn(manifest.assets, sha)) removed.push(sha)
  }
  return removed
}
