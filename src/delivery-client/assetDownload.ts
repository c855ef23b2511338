import { createHash, type Hash } from 'node:crypto'
import fs from 'node:fs/promises'

import { aborted, raceAbort, sleep } from './abort'
import { DeliveryError } from './errors'
import { fileSize, hashFile } from './files'
import type { ProgressTally } from './progress'
import type { Transport } from './transport'
import { describe } from './urls'

export interface DownloadContext {
  http: Transport
  /** Aborted when the caller cancels or another download failed. */
  signal: AbortSignal
  /** Extra attempts after a network failure. */
  retries: number
  progress: ProgressTally
}

/** One asset being downloaded into `part`. */
interface Download {
  sha: string
  size: number
  part: string
  url: string
}

/**
 * Downloads into `<file>.part`, resuming from what a previous attempt left there, and only
 * renames the file into place once its size and sha256 are right.
 */
export async function downloadAsset(
  context: DownloadContext,
  asset: { sha: string; size: number; name: string },
  file: string,
): Promise<void> {
  const download = {
    sha: asset.sha,
    size: asset.size,
    part: `${file}.part`,
    url: context.http.resolve(`/api/delivery/assets/${asset.name}`),
  }
  let attempt = 0
  let restarted = false
  for (;;) {
    const resuming = (await fileSize(download.part)) > 0
    try {
      await downloadOnce(context, download)
      await fs.rename(download.part, file)
      return
    } catch (error) {
      if (context.signal.aborted) throw aborted(error)
      const code = error instanceof DeliveryError ? error.code : null
      const status = error instanceof DeliveryError ? error.status : undefined
      const resumeFailed = code === 'bad-asset' || code === 'bad-response' || status === 416
      if (resuming && !restarted && resumeFailed) {
        // The bytes kept from an earlier attempt may be what is wrong (or the server cannot
        // resume): start over once from nothing before blaming the server.
        restarted = true
        await fs.rm(download.part, { force: true })
        continue
      }
      if (code === 'network' && attempt < context.retries) {
        attempt += 1
        await sleep(250 * attempt, context.signal)
        continue
      }
      throw error
    }
  }
}

/** One attempt, continuing from the bytes already in `part`. */
async function downloadOnce(context: DownloadContext, download: Download): Promise<void> {
  const { sha, size, part, url } = download
  let start = await fileSize(part)
  if (start > size) start = 0
  if (start === 0) await fs.rm(part, { force: true })
  let hash = createHash('sha256')
  if (start > 0) await hashFile(part, hash)
  context.progress.advance(sha, start)
  if (start === size) return finishAsset(download, hash, start)

  const response = await context.http.request(url, {
    headers: start > 0 ? { Range: `bytes=${start}-` } : {},
    signal: context.signal,
  })
  if (response.status === 206) {
    await checkContentRange(response, download, start)
  } else if (start > 0) {
    // The server ignored the Range header and is sending the whole file: start over.
    start = 0
    hash = createHash('sha256')
  }
  return downloadBody(context, download, response, hash, start)
}

async function checkContentRange(response: Response, download: Download, start: number) {
  const contentRange = response.headers.get('content-range') ?? ''
  const range = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(contentRange)
  if (!range || Number(range[1]) !== start) {
    await response.body?.cancel()
    throw new DeliveryError(
      'bad-response',
      `Asset ${download.sha}: asked for the bytes from ${start}, but the server sent Content-Range ${JSON.stringify(contentRange)}.`,
      { url: download.url, sha256: download.sha },
    )
  }
}

/**
 * Streams the response to `part`, hashing as it goes, so nothing is read twice. `start` bytes
 * are already in `part` (and in `hash`).
 */
async function downloadBody(
  context: DownloadContext,
  download: Download,
  response: Response,
  hash: Hash,
  start: number,
): Promise<void> {
  const { sha, size, part, url } = download
  let have = start
  const handle = await fs.open(part, start > 0 ? 'a' : 'w')
  const reader = response.body?.getReader()
  try {
    for (;;) {
      // Raced with the abort signal: see raceAbort.
      const next = reader ? await raceAbort(reader.read(), context.signal) : null
      if (!next || next.done) break
      const chunk = next.value
      if (have + chunk.length > size) {
        throw new DeliveryError(
          'bad-asset',
          `Asset ${sha} is larger than the ${size} bytes the manifest lists. The download was discarded and nothing was installed.`,
          { url, sha256: sha },
        )
      }
      hash.update(chunk)
      await handle.write(chunk)
      have += chunk.length
      context.progress.received(sha, have, chunk.length)
    }
    // Flushed before the rename, so a power cut cannot leave a short file under the final name.
    await handle.sync()
  } catch (error) {
    // Not awaited: after an abort, undici may never settle it.
    reader?.cancel().catch(() => {})
    await handle.close().catch(() => {})
    if (error instanceof DeliveryError) {
      await fs.rm(part, { force: true })
      throw error
    }
    if (context.signal.aborted) throw aborted(error)
    throw new DeliveryError(
      'network',
      `The download of asset ${sha} broke off after ${have} of ${size} bytes (${describe(error)}); the next attempt resumes from there.`,
      { url, sha256: sha, cause: error },
    )
  }
  await handle.close()
  return finishAsset(download, hash, have)
}

async function finishAsset({ sha, size, part }: Download, hash: Hash, have: number) {
  const actual = hash.digest('hex')
  if (have !== size || actual !== sha) {
    await fs.rm(part, { force: true })
    const what =
      have !== size
        ? `the server sent ${have} bytes, the manifest lists ${size}`
        : `its sha256 is ${actual}`
    throw new DeliveryError(
      'bad-asset',
      `Asset ${sha} failed verification: ${what}. The download was discarded and nothing was installed.`,
      { sha256: sha },
    )
  }
}
