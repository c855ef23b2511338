// Browser and HTTP tests against a production build (`next build` + `next start`) with the demo
// seeded into a throwaway embedded database, or into E2E_DATABASE_URI's. Skips, saying so,
// when Chromium is not installed.
import { spawn, spawnSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './free-port.mjs'
import { startMailbox } from './test-servers/mailbox.mjs'

const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
]
const chromium = CHROMIUM_CANDIDATES.find((p) => p && fs.existsSync(p))
if (!chromium) {
  console.log(
    'Browser tests SKIPPED: Chromium was not found. Install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH, then run `npm run test:e2e`.',
  )
  process.exit(0)
}

const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  console.log('Building the studio for production (next build)…')
  run('npx', ['next', 'build'], {
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    NEXT_TELEMETRY_DISABLED: '1',
  })
}

const port = await freePort()
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-e2e-'))
const baseUrl = `http://127.0.0.1:${port}`
const serverLog = path.join(tmp, 'server.log')
// The studio's emails go to a real SMTP server; the tests read them from this folder.
const mailDir = path.join(tmp, 'mail')
const mailbox = await startMailbox(mailDir)
const logFd = fs.openSync(serverLog, 'a')
// The production server `npm start` runs, in its own process group so stopping it stops all.
const server = spawn('node', ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
  detached: true,
  stdio: ['ignore', logFd, logFd],
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    // Production requires it; Payload accepts the session cookie only from this origin.
    SERVER_URL: baseUrl,
    SEED_DEMO: '1',
    SMTP_URL: mailbox.url,
    MEDIA_JOBS_AUTORUN: '1',
    // Production refuses to sign releases with a generated key; this run gets its own.
    CDM_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    // E2E_DATABASE_URI runs the same tests on another database (with its DATABASE_COMPAT).
    DATABASE_URI: process.env.E2E_DATABASE_URI ?? `file:${path.join(tmp, 'e2e.db')}`,
    DATA_DIR: path.join(tmp, 'data'),
    MEDIA_DIR: path.join(tmp, 'media'),
  },
})
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}
process.on('exit', () => {
  stop()
  fs.rmSync(tmp, { recursive: true, force: true })
})
process.on('SIGINT', () => process.exit(130))
process.on('SIGTERM', () => process.exit(143))

let status = 1
try {
  await waitForServer(`${baseUrl}/api/users/me`, 120_000)
  // Not spawnSync: the mailbox in this process must keep answering the studio meanwhile.
  const tests = spawn('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, E2E_MAIL_DIR: mailDir },
  })
  status = await new Promise((resolve) => tests.on('close', (code) => resolve(code ?? 1)))
} catch (error) {
  console.error(String(error))
} finally {
  if (status !== 0) {
    console.error(`--- server log (${serverLog}) ---`)
    console.error(fs.readFileSync(serverLog, 'utf8').split('\n').slice(-60).join('\n'))
  }
  stop()
  await mailbox.close()
}
process.exit(status)

async function waitForServer(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the studio server exited with ${server.exitCode}`)
    try {
      // The first request initialises Payload: migrations, then the demo seed.
      const response = await fetch(url)
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the studio did not answer ${url} within ${timeoutMs / 1000}s`)
}
