import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../../../scripts/free-port.mjs'

/** A process the soak started in its own process group, with its output in a log file. */
interface LoggedProcess {
  child: ChildProcess
  logFile: string
  log: () => string
  /** SIGTERM, then SIGKILL of the whole group if it has not exited within `graceMs`. */
  stop: (graceMs: number) => Promise<void>
}

export interface ProductionStudio {
  url: string
  /** The database file, for reading the jobs table after the run. */
  databaseFile: string
  server: LoggedProcess
  worker: LoggedProcess
  stop: () => Promise<void>
}

/**
 * What a shell would pass on: not the vitest worker's own settings (NODE_ENV=test, its database,
 * its secret) nor its loader options.
 */
function shellEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(VITEST|NODE_OPTIONS$|NODE_ENV$|DATABASE_URI$|DATA_DIR$|MEDIA_DIR$|PAYLOAD_SECRET$|CDM_)/.test(
          key,
        ),
    ),
  )
}

/**
 * The environment production runs with (README "Production"): a throwaway SQLite database and
 * media folder, a signing key of its own, the demo seeded on purpose, and media jobs left to
 * the worker.
 */
function productionEnv(dir: string, url: string): NodeJS.ProcessEnv {
  return {
    ...shellEnv(),
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    SERVER_URL: url,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    CDM_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    DATABASE_URI: `file:${path.join(dir, 'soak.db')}`,
    DATA_DIR: path.join(dir, 'data'),
    MEDIA_DIR: path.join(dir, 'media'),
    SEED_DEMO: '1',
    MEDIA_JOBS_AUTORUN: '0',
  }
}

function startLogged(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  dir: string,
): LoggedProcess {
  const logFile = path.join(dir, `${name}.log`)
  const fd = fs.openSync(logFile, 'a')
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', fd, fd], env })
  fs.closeSync(fd)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // the group is gone already
    }
  }
  // A detached group outlives this process unless it is stopped: never leave a studio behind.
  process.once('exit', () => signalGroup('SIGKILL'))
  return {
    child,
    logFile,
    log: () => fs.readFileSync(logFile, 'utf8'),
    stop: async (graceMs) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs)
        await exited
        clearTimeout(timer)
      }
      // Whatever the process left running in its group (a Next child, an ffmpeg).
      signalGroup('SIGKILL')
    },
  }
}

/** `next build`, as `npm run build` does, unless SOAK_SKIP_BUILD=1 reuses the last one. */
export function buildForProduction(): void {
  if (process.env.SOAK_SKIP_BUILD === '1') {
    if (!fs.existsSync('.next/BUILD_ID'))
      throw new Error('SOAK_SKIP_BUILD=1 but there is no build in .next; run `npm run build`.')
    return
  }
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: {
      ...shellEnv(),
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
    },
  })
  if (result.status !== 0) throw new Error(`next build exited with ${result.status}`)
}

/**
 * `npm start` (scripts/server.mjs) and `npm run worker` (scripts/worker.mjs) on one database and
 * media folder under `dir`, as production runs them. Resolves once the server answers (the first
 * request runs the migrations and the demo seed) and the worker says it is ready.
 */
export async function startProductionStudio(dir: string): Promise<ProductionStudio> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env = productionEnv(dir, url)
  const server = startLogged(
    'server',
    ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'],
    env,
    dir,
  )
  let worker: LoggedProcess | undefined
  const stop = async () => {
    await worker?.stop(20_000)
    await server.stop(10_000)
  }
  try {
    await waitUntil(
      async () => (await fetch(`${url}/api/users/me`).catch(() => null))?.status === 200,
      () => server.child.exitCode,
      180_000,
      `the server did not answer ${url}/api/users/me`,
    )
    // The worker starts on a migrated, seeded database, as it would beside a running studio.
    worker = startLogged('worker', ['scripts/worker.mjs'], env, dir)
    const started = worker
    await waitUntil(
      async () => /worker: ready/.test(started.log()),
      () => started.child.exitCode,
      180_000,
      'the worker did not say "worker: ready"',
    )
  } catch (error) {
    await stop()
    const tails = [server, worker]
      .filter((p): p is LoggedProcess => Boolean(p))
      .map((p) => `--- ${p.logFile} ---\n${p.log().split('\n').slice(-40).join('\n')}`)
    throw new Error(`${(error as Error).message}\n${tails.join('\n')}`)
  }
  return {
    url,
    databaseFile: path.join(dir, 'soak.db'),
    server,
    worker: worker!,
    stop,
  }
}

async function waitUntil(
  check: () => Promise<boolean>,
  exitCode: () => number | null,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`${what}: it exited with ${exitCode()}`)
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s`)
}
