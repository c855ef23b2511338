// `npm run bench:delivery`: the delivery API against a static server, side by side in one run,
// on the demo's release 1.0.0: the first production start seeds the demo, runs its media
// through the real ffmpeg jobs and publishes it. Each server runs in its own process on the
// same database and media, one at a time, loaded by wrk (or bench/helpers/load.ts without it)
// at 1, 16 and 64 connections:
// - the delivery tier (`npm run delivery`'s runner), one process and two (DELIVERY_WORKERS=2,
//   as nginx runs a worker per core);
// - `npm start` with the tier in its process (scripts/server.mjs), and with DELIVERY_IN_PROCESS=0,
//   which leaves delivery to Next's routes and Payload, as before the tier;
// - plain node:http answering the same bytes from memory (the Node ceiling);
// - nginx serving them as files (Debian's package, when installed: the physical reference).
// For the mainstream manifest (200 with the API key, and 304), `latest`, and a 1 MiB asset it
// prints req/s, p50, p99 and the ratios to nginx and plain Node, then runs the tier for
// BENCH_SOAK_SECONDS (60) at 64 connections, reading its resident memory each second.
// Targets (the single-process tier, 64 connections; the pair's are printed too): manifest and `latest` ≥ 50% of nginx's req/s, assets ≥ 50%
// of its bytes/s, p99 ≤ 50 ms, memory flat, 0 errors. BENCH_LOAD_SECONDS (5) per figure;
// BENCH_SKIP_BUILD=1 reuses the production build in .next.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'

import { loadGeneratorName } from './helpers/delivery/loadGenerator'
import { publishDemo, sharedStudioEnv } from './helpers/delivery/publishedDemo'
import { deliveryTable, memoryReport, targetLines } from './helpers/delivery/report'
import * as servers from './helpers/delivery/servers'
import { measureServer, memoryRun, type Paths, type Row } from './helpers/delivery/targets'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-bench-delivery-'))
const running: servers.Running[] = []
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()))
  fs.rmSync(tmp, { recursive: true, force: true })
})

type Sizes = Parameters<typeof measureServer>[2]

async function measured(start: () => Promise<servers.Running | null>, paths: Paths, sizes: Sizes) {
  const server = await start()
  if (!server) return []
  if (!running.includes(server)) running.push(server)
  try {
    return await measureServer(server, paths, sizes)
  } finally {
    await server.stop()
    running.splice(running.indexOf(server), 1)
  }
}

it('delivery benchmark', { timeout: 60 * 60_000 }, async () => {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync('npx', ['next', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const shared = sharedStudioEnv(tmp)
  // The first studio seeds the demo and publishes 1.0.0; it is then measured like the others.
  const first = await servers.startStudioServer(tmp, shared, { inProcessTier: true, seeding: true })
  running.push(first)
  const demo = await publishDemo(first.base, tmp, shared.MEDIA_DIR)
  const { api, asFiles, files, sizes } = demo
  const rows: Row[] = [
    ...(await measured(async () => first, api, sizes)),
    ...(await measured(() => servers.startDeliveryTier(tmp, shared), api, sizes)),
    ...(await measured(() => servers.startDeliveryTier(tmp, shared, 2), api, sizes)),
    ...(await measured(
      () => servers.startStudioServer(tmp, shared, { inProcessTier: false }),
      api,
      sizes,
    )),
    ...(await measured(() => servers.startPlainNode(tmp, files), asFiles, sizes)),
    ...(await measured(() => servers.startNginx(tmp, files), asFiles, sizes)),
  ]
  const tier = await servers.startDeliveryTier(tmp, shared)
  running.push(tier)
  const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 60)
  const memory = memoryReport(await memoryRun(tier, api, soakSeconds))
  const single = targetLines(rows, memory.growth)
  const pair = targetLines(rows, null, 'delivery tier ×2')
  const targets = { text: `${single.text}\n${pair.text}`, missed: single.missed }
  console.log(
    [
      `Delivery, side by side (${loadGeneratorName}, ${os.cpus().length} cores, manifest ${sizes.manifest} bytes, latest ${sizes.latest} bytes):`,
      deliveryTable(rows),
      '',
      'Memory of the delivery tier:',
      memory.text,
      '',
      'Targets:',
      targets.text,
    ].join('\n'),
  )
  expect(targets.missed).toBe(0)
})
