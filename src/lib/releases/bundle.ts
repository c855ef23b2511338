import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'

import { assetPath } from './releaseStore'

/**
 * The offline bundle for one audience × locale: the signed manifest and every asset, for
 * preloading devices. Media is already compressed, so assets are stored, not deflated, and a
 * fixed timestamp keeps the bytes the same when a release is rebuilt.
 */
export async function writeBundle(input: {
  target: string
  manifest: Uint8Array
  signature: string
  assets: string[]
}): Promise<void> {
  const zip = new ZipFile()
  const mtime = new Date('2020-01-01T00:00:00Z')
  zip.addBuffer(Buffer.from(input.manifest), 'manifest.json', { mtime })
  zip.addBuffer(Buffer.from(input.signature), 'manifest.sig.json', { mtime })
  for (const sha of [...input.assets].sort()) {
    zip.addFile(assetPath(sha), `assets/${sha}`, { mtime, compress: false })
  }
  zip.end()
  await pipeline(zip.outputStream, fs.createWriteStream(input.target))
}
