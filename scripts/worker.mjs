// `npm run worker`: a production worker for media processing and release builds. Runs
// `payload jobs:run --all-queues` in a loop, one short-lived process per batch. Short-lived
// runs matter: on Node 20 a process sometimes exits silently while importing the config (the
// ESM loader abandons @payloadcms/richtext-lexical; payloadcms/payload#17757), and a
// long-running `--cron` process would then simply be gone; here the next batch starts again.
import { spawn } from 'node:child_process'
import path from 'node:path'

const INTERVAL_MS = Number(process.env.WORKER_INTERVAL_MS ?? 5000)
const BATCH = String(process.env.WORKER_BATCH ?? 2)
const payloadBin = path.resolve('node_modules/payload/bin.js')
let stopping = false
let current = null

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true
    current?.kill(signal)
  })
}

console.log(`worker: running up to ${BATCH} jobs every ${INTERVAL_MS / 1000}s (Ctrl-C to stop)`)
while (!stopping) {
  const code = await new Promise((resolve) => {
    current = spawn(process.execPath, [payloadBin, 'jobs:run', '--all-queues', '--limit', BATCH], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
    })
    current.on('close', resolve)
  })
  if (code !== 0 && !stopping) console.error(`worker: batch exited with ${code}; continuing`)
  if (!stopping) await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS))
}
