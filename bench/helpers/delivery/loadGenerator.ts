import { execFileSync, spawn } from 'node:child_process'

import { runLoad } from '../load'

export interface Measured {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Body and headers read per second, as the load generator counts them. */
  bytesPerSecond: number
  errors: number
}

export interface LoadCell {
  url: string
  headers: Record<string, string>
  connections: number
  seconds: number
}

const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
    return true
  } catch (error) {
    // wrk prints its version and exits 1.
    return (error as { status?: number }).status === 1
  }
})()

/** wrk when installed (C, so the client takes little of the 2 cores), autocannon-like otherwise. */
export const loadGeneratorName = hasWrk ? 'wrk' : 'node closed loop (bench/helpers/load.ts)'

export async function measure(cell: LoadCell): Promise<Measured> {
  if (hasWrk) return wrk(cell)
  const result = await runLoad({
    url: cell.url,
    headers: cell.headers,
    connections: cell.connections,
    warmupMs: 1000,
    durationMs: cell.seconds * 1000,
  })
  return {
    requestsPerSecond: result.requestsPerSecond,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    bytesPerSecond: result.bytesPerResponse * result.requestsPerSecond,
    errors: result.errors,
  }
}

async function wrk(cell: LoadCell): Promise<Measured> {
  const threads = String(Math.min(2, cell.connections))
  const headerArgs = Object.entries(cell.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`])
  const base = ['-t', threads, '-c', String(cell.connections), ...headerArgs]
  await run(['-d', '1s', ...base, cell.url]) // warm-up: connections open, caches filled
  return parseWrk(await run(['-d', `${cell.seconds}s`, '--latency', ...base, cell.url]))
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${out}`)),
    )
  })
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 }
const BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }

export function parseWrk(out: string): Measured {
  const latency = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out)
    if (!match) throw new Error(`wrk printed no ${p}% latency:\n${out}`)
    return Number(match[1]) * UNIT_MS[match[2]]
  }
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out)
  const transfer = /^Transfer\/sec:\s+([\d.]+)(B|KB|MB|GB)/m.exec(out)
  if (!rps || !transfer) throw new Error(`wrk printed no totals:\n${out}`)
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0
  return {
    requestsPerSecond: Number(rps[1]),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    bytesPerSecond: Number(transfer[1]) * BYTES[transfer[2]],
    errors: non2xx + socketErrors,
  }
}
