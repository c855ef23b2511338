// `npm run bench:releases`: toolkit releases, measured side by side in one run on the seeded
// "Healthy Relationships Toolkit" (26 clips, media processed by the real ffmpeg jobs first).
// 1. Delivery manifest endpoint vs Payload REST `GET /api/clips?depth=2&limit=100` for the same
//    toolkit, both over real HTTP on one server, 32 keep-alive connections in a closed loop:
//    req/s, p50, p99 (target ratio ≥ 20×).
// 2. Release build (4 audiences, en-GB, 3 accents), publish request → job done, on an empty
//    asset store vs `sha256sum` + `zip -0` of the same bytes in the same layout (target ≤ 2×).
// 3. Re-release 1.1.0 after a one-line edit of one approved script (edit → review → confirm the
//    voices, captions made again from the new text → media jobs → publish): ffmpeg runs
//    (target 0) and build time vs the first.
// 4. The delta endpoint's byte totals vs the assets that really changed, computed from the two
//    manifests' asset tables and the files on disk (target: equal).
// The server is Payload's REST handlers on node:http in this process (test/int/helpers); the load
// generator runs in a worker thread so it does not share the server's event loop. `sync` runs
// before each timed step. BENCH_LOAD_SECONDS (10), BENCH_ROUNDS (3, baseline rounds) and
// BENCH_PROFILE=1 (CPU profiles of the timed steps, summarised) adjust a run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { afterAll, it } from 'vitest'

import { seed } from '../seed/index'
import { compareDeltas } from './helpers/releases/deltas'
import { measureFirstBuild } from './helpers/releases/firstBuild'
import { measureManifestVsRest } from './helpers/releases/manifestLoad'
import { collectProfiles } from './helpers/releases/profiles'
import { releaseBenchReport } from './helpers/releases/report'
import { measureReRelease } from './helpers/releases/reRelease'
import { processSeededMedia } from './helpers/releases/seededMedia'
import { openStudio } from './helpers/releases/studio'
import { startRestServer } from '../test/int/helpers/restServer'
import config from '@payload-config'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-bench-releases-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

it('release benchmark', { timeout: 30 * 60_000 }, async () => {
  const payload = await getPayload({ config })
  if ((await payload.count({ collection: 'releases' })).totalDocs > 0)
    throw new Error('The bench database already has releases; run with a fresh DATABASE_URI.')
  await seed({ payload })
  const media = await processSeededMedia(payload)

  const server = await startRestServer()
  try {
    const studio = await openStudio(payload, server.url)
    const { profiled, summaries: profiles } = collectProfiles()
    // The first build runs before the load test: the manifest it serves is release 1.0.0's.
    const first = await measureFirstBuild(studio, profiled, tmp)
    const load = await measureManifestVsRest(studio, media.clipIds, profiled)
    const reRelease = await measureReRelease(studio, profiled)
    const deltas = await compareDeltas(studio, first.manifests)
    console.log(releaseBenchReport({ studio, media, first, load, reRelease, deltas, profiles }))
  } finally {
    await server.close()
  }
})
