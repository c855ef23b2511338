// `npm run bench:delivery`: the delivery API against a static server, side by side in one run,
// on the seeded demo's release 1.0.0 (media processed by the real ffmpeg jobs first, then
// published). Each server runs in its own process on the same database and media, one at a
// time, loaded by wrk (or bench/helpers/load.ts without it) at 1, 16 and 64 connections:
// - the delivery tier (`npm run delivery`'s runner);
// - `npm start` with the tier in its process (scripts/server.mjs), and with DELIVERY_IN_PROCESS=0,
//   which leaves delivery to Next's routes and Payload, as before the tier;
// - plain node:http answering the same bytes from memory (the Node ceiling);
// - nginx serving them as files (Debian's package, when installed: the physical reference).
// For the mainstream manifest (200 with the API key, and 304), `latest`, and a 1 MiB asset it
// prints req/s, p50, p99 and the ratios to nginx and plain Node, then runs the tier for
// BENCH_SOAK_SECONDS (60) at 64 connections, reading its resident memory each second.
// Targets (tier, 64 connections): manifest and `latest` ≥ 50% of nginx's req/s, assets ≥ 50%
// of its bytes/s, p99 ≤ 50 ms, memory flat, 0 errors. BENCH_LOAD_SECONDS (5) per figure;
// BENCH_SKIP_BUILD=1 reuses the production build in .next.
import { spawnSync } from 'node:child_process'
import { randomBytes, createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { afterAll, expect, it } from 'vitest'

import { seed } from '../seed/index'
import { loadGeneratorName } from './helpers/delivery/loadGenerator'
import { deliveryTable, memoryReport, targetLines } from './helpers/delivery/report'
import * as servers from './helpers/delivery/servers'
import { measureServer, memoryRun, type Paths, type Row } from './helpers/delivery/targets'
import { processSeededMedia } from './helpers/releases/seededMedia'
import { createRelease, LOCALE, openStudio, publish, TOOLKIT } from './helpers/releases/studio'
import { assetKey } from '../src/domain/storage/mediaKeys'
import { mediaStore } from '../src/lib/storage/store'
import { startRestServer } from '../test/int/helpers/restServer'
import config from '@payload-config'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-bench-delivery-'))
const running: servers.Running[] = []
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()))
  fs.rmSync(tmp, { recursive: true, force: true })
})

/** The demo's release 1.0.0, published, and a 1 MiB asset; their bytes as files for the rest. */
async function publishedDemo() {
  const payload = await getPayload({ config })
  if ((await payload.count({ collection: 'releases' })).totalDocs > 0)
    throw new Error('The bench database already has releases; run with a fresh DATABASE_URI.')
  await seed({ payload })
  await processSeededMedia(payload)
  const rest = await startRestServer()
  const studio = await openStudio(payload, rest.url)
  await publish(studio, await createRelease(studio, '1.0.0'))
  const asset = randomBytes(1024 * 1024)
  const sha = createHash('sha256').update(asset).digest('hex')
  await mediaStore().put(assetKey(sha), { bytes: asset })
  const query = `audience=mainstream&locale=${LOCALE}`
  const api: Paths = {
    manifest: `/api/delivery/toolkits/${TOOLKIT}/releases/1.0.0/manifest.json?${query}`,
    latest: `/api/delivery/toolkits/${TOOLKIT}/releases/latest?${query}`,
    asset: `/api/delivery/assets/${sha}`,
    headers: studio.deliveryHeaders,
  }
  const files = path.join(tmp, 'files')
  fs.mkdirSync(files)
  for (const [name, apiPath] of [
    ['manifest.json', api.manifest],
    ['latest.json', api.latest],
  ]) {
    const { text } = await studio.delivery(apiPath)
    fs.writeFileSync(path.join(files, name), text)
  }
  fs.writeFileSync(path.join(files, 'asset.bin'), asset)
  await rest.close()
  const sizes = {
    manifest: fs.statSync(path.join(files, 'manifest.json')).size,
    latest: fs.statSync(path.join(files, 'latest.json')).size,
    asset: asset.length,
  }
  const asFiles: Paths = {
    manifest: '/manifest.json',
    latest: '/latest.json',
    asset: '/asset.bin',
    headers: {},
  }
  return { api, asFiles, files, sizes }
}

async function measured(
  start: () => Promise<servers.Running | null>,
  paths: Paths,
  sizes: Parameters<typeof measureServer>[2],
) {
  const server = await start()
  if (!server) return []
  running.push(server)
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
  const { api, asFiles, files, sizes } = await publishedDemo()
  const rows: Row[] = [
    ...(await measured(() => servers.startDeliveryTier(tmp), api, sizes)),
    ...(await measured(() => servers.startStudioServer(tmp, true), api, sizes)),
    ...(await measured(() => servers.startStudioServer(tmp, false), api, sizes)),
    ...(await measured(() => servers.startPlainNode(tmp, files), asFiles, sizes)),
    ...(await measured(() => servers.startNginx(tmp, files), asFiles, sizes)),
  ]
  const tier = await servers.startDeliveryTier(tmp)
  running.push(tier)
  const memory = memoryReport(
    await memoryRun(tier, api, Number(process.env.BENCH_SOAK_SECONDS ?? 60)),
  )
  const targets = targetLines(rows, memory.growth)
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
