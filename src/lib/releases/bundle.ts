import { bytesCrc32, type OpenSource, sourceCrc32, writeStoredZip } from './storedZip'
import { assetKey } from '../../domain/storage/mediaKeys'
import { mediaStore } from '../storage/store'

const storedAsset =
  (sha256: string): OpenSource =>
  (chunkBytes) =>
    mediaStore().stream(assetKey(sha256), { chunkBytes })

/**
 * The offline bundle for one audience × locale: the signed manifest and every asset, for
 * preloading devices. Media is already compressed, so files are stored, not deflated, and a
 * fixed timestamp keeps the bytes the same when a release is rebuilt. `crcs` carries each
 * asset's CRC-32 from one bundle of the build to the next, so each asset is read once for it.
 */
export async function writeBundle(input: {
  target: string
  manifest: Uint8Array
  signature: string
  assets: Record<string, { bytes: number; file: string }>
  crcs: Map<string, number>
}): Promise<void> {
  const signature = Buffer.from(input.signature)
  const assets = []
  for (const sha of Object.keys(input.assets).sort()) {
    let crc = input.crcs.get(sha)
    if (crc === undefined) {
      crc = await sourceCrc32(storedAsset(sha), input.assets[sha].bytes)
      input.crcs.set(sha, crc)
    }
    assets.push({
      name: `assets/${input.assets[sha].file}`,
      source: { open: storedAsset(sha) },
      size: input.assets[sha].bytes,
      crc32: crc,
    })
  }
  await writeStoredZip(
    input.target,
    [
      {
        name: 'manifest.json',
        source: { bytes: input.manifest },
        size: input.manifest.length,
        crc32: bytesCrc32(input.manifest),
      },
      {
        name: 'manifest.sig.json',
        source: { bytes: signature },
        size: signature.length,
        crc32: bytesCrc32(signature),
      },
      ...assets,
    ],
    { mtime: new Date('2020-01-01T00:00:00Z') },
  )
}
