import { measure, type Measured } from './loadGenerator'
import { residentBytes, type Running } from './servers'

export type Endpoint = 'manifest 200' | 'manifest 304' | 'latest' | 'asset 1 MiB'
export const ENDPOINTS: Endpoint[] = ['manifest 200', 'manifest 304', 'latest', 'asset 1 MiB']
export const CONNECTIONS = [1, 16, 64]
export const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5)

/** What each server is asked for each endpoint: the studio's URLs, or the same bytes as files. */
export interface Paths {
  manifest: string
  latest: string
  asset: string
  headers: Record<string, string>
}

export interface Row {
  server: string
  endpoint: Endpoint
  connections: number
  measured: Measured
}

/** The expected status and body of each endpoint, checked once before it is loaded. */
async function requestFor(
  server: Running,
  paths: Paths,
  endpoint: Endpoint,
  expectedBytes: Record<'manifest' | 'latest' | 'asset', number>,
): Promise<{ url: string; headers: Record<string, string> }> {
  const file = endpoint.startsWith('manifest')
    ? 'manifest'
    : endpoint === 'latest'
      ? 'latest'
      : 'asset'
  const url = `${server.base}${paths[file]}`
  const first = await fetch(url, { headers: paths.headers })
  const body = Buffer.from(await first.arrayBuffer())
  if (first.status !== 200 || body.length !== expectedBytes[file])
    throw new Error(`${server.name} ${url}: HTTP ${first.status}, ${body.length} bytes`)
  if (endpoint !== 'manifest 304') return { url, headers: paths.headers }
  const headers = { ...paths.headers, 'if-none-match': first.headers.get('etag') ?? '' }
  const again = await fetch(url, { headers })
  if (again.status !== 304) throw new Error(`${server.name} ${url}: ${again.status}, not 304`)
  return { url, headers }
}

export async function measureServer(
  server: Running,
  paths: Paths,
  expectedBytes: Record<'manifest' | 'latest' | 'asset', number>,
): Promise<Row[]> {
  const rows: Row[] = []
  for (const endpoint of ENDPOINTS) {
    const { url, headers } = await requestFor(server, paths, endpoint, expectedBytes)
    for (const connections of CONNECTIONS) {
      const measured = await measure({ url, headers, connections, seconds: SECONDS })
      rows.push({ server: server.name, endpoint, connections, measured })
    }
  }
  return rows
}

export interface MemoryRun {
  seconds: number
  requestsPerSecond: number
  errors: number
  /** Resident memory sampled each second, after a 5 s warm-up at the same load. */
  samples: number[]
}

/** The manifest at 64 connections for `seconds`, the server's resident memory read each second. */
export async function memoryRun(
  server: Running,
  paths: Paths,
  seconds: number,
): Promise<MemoryRun> {
  const url = `${server.base}${paths.manifest}`
  await measure({ url, headers: paths.headers, connections: 64, seconds: 5 })
  const samples: number[] = [residentBytes(server.pid)]
  const timer = setInterval(() => samples.push(residentBytes(server.pid)), 1000)
  const measured = await measure({ url, headers: paths.headers, connections: 64, seconds })
  clearInterval(timer)
  samples.push(residentBytes(server.pid))
  return {
    seconds,
    requestsPerSecond: measured.requestsPerSecond,
    errors: measured.errors,
    samples,
  }
}
