import { spawn } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../../scripts/free-port.mjs'

export interface OwnStudio {
  url: string
  log: () => string
  stop: () => Promise<void>
}

/**
 * A second production server from the same build, with an empty database and no demo: for
 * tests that need a studio nobody has signed up to yet, or that must fail sign-ins without
 * throttling the shared server the other browser tests use.
 */
export async function startOwnStudio(env: Record<string, string> = {}): Promise<OwnStudio> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-e2e-own-'))
  const logFile = path.join(tmp, 'server.log')
  const logFd = fs.openSync(logFile, 'a')
  const server = spawn('node', ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      PAYLOAD_SECRET: randomBytes(24).toString('hex'),
      SEED_DEMO: '',
      MEDIA_JOBS_AUTORUN: '0',
      TRUST_PROXY: '',
      // Production requires it; Payload accepts the session cookie only from this origin.
      SERVER_URL: url,
      CDM_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      DATABASE_URI: `file:${path.join(tmp, 'own.db')}`,
      DATA_DIR: path.join(tmp, 'data'),
      MEDIA_DIR: path.join(tmp, 'media'),
      ...env,
    },
  })
  const log = () => fs.readFileSync(logFile, 'utf8')
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      process.kill(-server.pid!, 'SIGTERM')
      await exited
    }
    fs.closeSync(logFd)
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  try {
    await waitFor(`${url}/api/users/me`, () => server.exitCode, 120_000)
  } catch (error) {
    const tail = log().split('\n').slice(-40).join('\n')
    await stop()
    throw new Error(`${String(error)}\n--- server log ---\n${tail}`)
  }
  return { url, log, stop }
}

async function waitFor(url: string, exitCode: () => number | null, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`the studio server exited with ${exitCode()}`)
    try {
      if ((await fetch(url)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the studio did not answer ${url} within ${timeoutMs / 1000}s`)
}
