// `npm run bench:media`: pipeline overhead and cache effect, measured side by side in one run.
// 1. The 720p rendition of a 60 s 1080p fixture through the wrapper vs the raw ffmpeg CLI with
//    the same arguments (target ratio ≤ 1.10).
// 2. Processing a clip the first time vs again with unchanged media (target: no ffmpeg work).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { afterAll, it } from 'vitest'

import { createBenchClip, measureClipProcessing } from './helpers/media/clipProcessing'
import { makeSource } from './helpers/media/fixture'
import { mediaBenchReport } from './helpers/media/report'
import { measureWrapperVsRaw } from './helpers/media/wrapperVsRaw'
import config from '@payload-config'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-bench-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

it('media pipeline benchmark', { timeout: 30 * 60_000 }, async () => {
  const source = makeSource(tmp)
  const rendition = await measureWrapperVsRaw(source, tmp)
  const payload = await getPayload({ config })
  const clip = await createBenchClip(payload, source, tmp)
  const processing = await measureClipProcessing(payload, clip)
  console.log(mediaBenchReport(rendition, processing))
})
