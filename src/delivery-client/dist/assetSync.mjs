// Generated from src/delivery-client/assetSync.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import path from 'node:path'
import { linkedAbort } from './abort.mjs'
import { downloadAsset } from './assetDownload.mjs'
import { isIntact } from './files.mjs'
/**
 * Makes every asset present and verified in `assetDir`, `concurrency` at a time, reusing intact
 * files. One failure stops the rest: in-flight downloads are aborted (their .part files stay for
 * the next attempt) and the first error is what the caller sees.
 */
export async function syncAssets({ assets, assetDir, concurrency, signal, ...download }) {
  const downloaded = []
  const reused = []
  const { controller, release } = linkedAbort(signal)
  const context = { ...download, signal: controller.signal }
  let failure = null
  const queue = [...assets]
  const syncAsset = async (sha, size) => {
    const file = path.join(assetDir, sha)
    if (await isIntact(file, sha, size)) {
      reused.push(sha)
    } else {
      await downloadAsset(context, sha, size, file)
      downloaded.push(sha)
    }
    context.progress.assetDone(sha, size)
  }
  const worker = async () => {
    while (queue.length > 0 && !failure) {
      const [sha, asset] = queue.shift()
      try {
        await syncAsset(sha, asset.bytes)
      } catch (error) {
        if (!failure) {
          failure = error
          controller.abort()
        }
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, assets.length) }, worker))
  } finally {
    release()
  }
  if (failure) throw failure
  return { downloaded, reused }
}
