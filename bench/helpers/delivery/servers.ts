import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../../../scripts/free-port.mjs'
import { payloadNodeOptions } from '../../../scripts/payload-cli.mjs'

export interface Running {
  name: string
  base: string
  /** The process whose memory is the server's (for nginx, the master's). */
  pid: number
  stop: () => Promise<void>
}

const root = path.resolve(import.meta.dirname, '../../..')

/** Production settings for the studio's own processes, on the run's shared database and media. */
function studioEnv(
  shared: Record<string, string>,
  base: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...shared,
    NODE_ENV: 'production' as const,
    SERVER_URL: base,
    SEED_DEMO: '',
    MEDIA_JOBS_AUTORUN: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  }
}

async function started(
  name: string,
  child: ChildProcess,
  base: string,
  probe: string,
  log: string,
): Promise<Running> {
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${fs.readFileSync(log, 'utf8')}`)
    const status = await fetch(`${base}${probe}`)
      .then((r) => r.status)
      .catch(() => 0)
    if (status > 0 && status < 500) break
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 180 s`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      process.kill(-child.pid!, 'SIGTERM')
      setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 10_000)
    })
  return { name, base, pid: child.pid!, stop }
}

function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, log: string) {
  const fd = fs.openSync(log, 'a')
  return spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', fd, fd] })
}

/**
 * `npm run delivery`'s runner itself, so the measured pid is the server's (with workers, the
 * primary's: memory is read on a single process only).
 */
export async function startDeliveryTier(
  tmp: string,
  shared: Record<string, string>,
  workers = 1,
): Promise<Running> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env = studioEnv(shared, base, {
    DELIVERY_PORT: String(port),
    DELIVERY_HOST: '127.0.0.1',
    DELIVERY_WORKERS: String(workers),
    NODE_OPTIONS: payloadNodeOptions({ NODE_ENV: 'production' }),
  })
  const name = workers > 1 ? `delivery tier ×${workers}` : 'delivery tier'
  const log = path.join(tmp, `delivery-tier-${workers}.log`)
  const child = spawnLogged(
    process.execPath,
    ['--import', 'tsx', 'scripts/delivery-runner.ts'],
    env,
    log,
  )
  return started(name, child, base, '/api/delivery/keys', log)
}

/**
 * `npm start` on the production build: the tier in its process, or Next's routes alone. The
 * first start (`seeding`) migrates the database, seeds the demo and runs its media jobs.
 */
export async function startStudioServer(
  tmp: string,
  shared: Record<string, string>,
  { inProcessTier, seeding = false }: { inProcessTier: boolean; seeding?: boolean },
): Promise<Running> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env = studioEnv(shared, base, {
    DELIVERY_IN_PROCESS: inProcessTier ? '1' : '0',
    NODE_OPTIONS: '--no-deprecation',
    ...(seeding ? { SEED_DEMO: '1', MEDIA_JOBS_AUTORUN: '1' } : {}),
  })
  const name = inProcessTier ? 'npm start (tier in process)' : 'next routes (today)'
  const log = path.join(
    tmp,
    `studio-${inProcessTier ? 'tier' : 'next'}${seeding ? '-seeding' : ''}.log`,
  )
  const child = spawnLogged(
    process.execPath,
    ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'],
    env,
    log,
  )
  return started(name, child, base, '/api/delivery/keys', log)
}

export async function startPlainNode(tmp: string, dir: string): Promise<Running> {
  const port = await freePort()
  const log = path.join(tmp, 'plain-node.log')
  const script = path.join(import.meta.dirname, 'plainServer.mjs')
  const child = spawnLogged(process.execPath, [script, String(port), dir], process.env, log)
  return started('plain node:http', child, `http://127.0.0.1:${port}`, '/', log)
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p))

/** Debian's nginx serving the same bytes as files, when installed; its usual worker count. */
export async function startNginx(tmp: string, dir: string): Promise<Running | null> {
  if (!NGINX) return null
  // Its workers drop root: they must be able to read the files (mkdtemp makes folders 0700).
  for (let at = dir; at.startsWith(tmp); at = path.dirname(at)) fs.chmodSync(at, 0o755)
  const port = await freePort()
  const prefix = path.join(tmp, 'nginx')
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true })
  const conf = path.join(prefix, 'nginx.conf')
  fs.writeFileSync(
    conf,
    `daemon off;\nworker_processes auto;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\n` +
      `events { worker_connections 1024; }\nhttp {\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n` +
      `  keepalive_requests 1000000;\n  default_type application/json;\n` +
      `  server { listen 127.0.0.1:${port}; root ${dir}; }\n}\n`,
  )
  const test = spawnSync(NGINX, ['-p', prefix, '-c', conf, '-t'], { encoding: 'utf8' })
  if (test.status !== 0) throw new Error(`nginx refused its config: ${test.stderr}`)
  const log = path.join(tmp, 'nginx.log')
  const child = spawnLogged(NGINX, ['-p', prefix, '-c', conf], process.env, log)
  return started('nginx (files)', child, `http://127.0.0.1:${port}`, '/', log)
}

/** Resident memory of a process, from /proc (Linux), in bytes. */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024
}
