// `npm run worker`: a production worker for media processing and release builds, beside the
// server, with the same environment and media/ folder. It starts scripts/worker-runner.ts (the
// config loaded once, jobs run in batches in that process) and keeps it running: a runner that
// ends without being asked to (a crash, an out-of-memory kill) is started again after a growing
// pause, 1 s, 2 s, 4 s … at most 30 s. The runner loads the config with payloadNodeOptions(),
// so Node 20's silent exit while importing it no longer happens (scripts/payload-cli.mjs); an
// exit before the runner is ready is reported as such and waits like any other failure, so a
// broken configuration shows in the log instead of being retried at once. SIGTERM and SIGINT go
// to the runner, which finishes or hands back its jobs within JOBS_STOP_GRACE_SECONDS; it is
// killed if it takes 10 s longer.
import { spawn } from 'node:child_process'

import { payloadNodeOptions } from './payload-cli.mjs'

const graceSeconds = Number(process.env.JOBS_STOP_GRACE_SECONDS)
const GRACE_MS = Number.isFinite(graceSeconds) && graceSeconds > 0 ? graceSeconds * 1000 : 8_000
const HARD_STOP_MS = GRACE_MS + 10_000
const LONG_RUN_MS = 60_000
let stopping = false
let runner = null
let failures = 0

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    runner?.kill(signal)
    setTimeout(() => {
      console.error(`worker: the runner did not stop within ${HARD_STOP_MS / 1000} s; killing it`)
      runner?.kill('SIGKILL')
      process.exit(1)
    }, HARD_STOP_MS).unref()
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function runOnce() {
  const started = Date.now()
  let ready = false
  runner = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker-runner.ts'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: payloadNodeOptions() },
  })
  runner.on('message', (message) => {
    if (message?.ready) ready = true
  })
  return new Promise((resolve) => {
    runner.on('exit', (code, signal) =>
      resolve({ code, signal, ready, ranMs: Date.now() - started }),
    )
  })
}

let last = { code: 0 }
while (!stopping) {
  last = await runOnce()
  if (stopping) break
  const why = last.signal ? `signal ${last.signal}` : `code ${last.code}`
  failures = last.ranMs > LONG_RUN_MS ? 1 : failures + 1
  const waitMs = Math.min(30_000, 1_000 * 2 ** (failures - 1))
  console.error(
    last.ready
      ? `worker: the runner stopped unexpectedly (${why}); restarting in ${waitMs / 1000} s`
      : `worker: the runner exited while loading the config (${why}); starting it again in ${waitMs / 1000} s`,
  )
  await sleep(waitMs)
}
process.exit(last.code ?? 0)
