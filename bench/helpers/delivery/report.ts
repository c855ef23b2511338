import { bytes, ms, ratio, table } from '../format'
import type { MemoryRun, Row } from './targets'

const TIER = 'delivery tier'
const NGINX = 'nginx (files)'
const NODE = 'plain node:http'

const find = (rows: Row[], server: string, endpoint: string, connections: number) =>
  rows.find((r) => r.server === server && r.endpoint === endpoint && r.connections === connections)

/** Requests per second, or bytes per second for the asset, the figure its target is about. */
const figure = (row: Row) =>
  row.endpoint.startsWith('asset') ? row.measured.bytesPerSecond : row.measured.requestsPerSecond

const versus = (rows: Row[], row: Row, reference: string) => {
  const other = find(rows, reference, row.endpoint, row.connections)
  return other ? ratio(figure(row) / figure(other)) : '–'
}

export function deliveryTable(rows: Row[]): string {
  const header = ['endpoint', 'conns', 'server', 'req/s', 'p50', 'p99', 'read/s', 'errors']
  return table([
    [...header, 'vs nginx', 'vs node'],
    ...rows.map((row) => [
      row.endpoint,
      String(row.connections),
      row.server,
      row.measured.requestsPerSecond.toFixed(0),
      ms(row.measured.p50Ms),
      ms(row.measured.p99Ms),
      `${bytes(Math.round(row.measured.bytesPerSecond))}`,
      String(row.measured.errors),
      versus(rows, row, NGINX),
      versus(rows, row, NODE),
    ]),
  ])
}

export function memoryReport(run: MemoryRun): { text: string; growth: number } {
  const first = run.samples[0]
  const last = run.samples[run.samples.length - 1]
  const peak = Math.max(...run.samples)
  const growth = last / first
  return {
    growth,
    text: `  ${run.seconds} s at 64 connections on the manifest: ${run.requestsPerSecond.toFixed(0)} req/s, ${run.errors} errors; resident memory ${bytes(first)} after warm-up, peak ${bytes(peak)}, ${bytes(last)} at the end (${ratio(growth)})`,
  }
}

/** Each target of the issue, met or missed, from a tier's rows at 64 connections. */
export function targetLines(
  rows: Row[],
  memoryGrowth: number | null,
  tierName = TIER,
): { text: string; missed: number } {
  const at64 = (endpoint: string) => find(rows, tierName, endpoint, 64)
  const nginx = (endpoint: string) => find(rows, NGINX, endpoint, 64)
  const checks: [string, boolean | null][] = []
  for (const endpoint of ['manifest 200', 'manifest 304', 'latest', 'asset 1 MiB']) {
    const tier = at64(endpoint)
    const reference = nginx(endpoint)
    const share = tier && reference ? figure(tier) / figure(reference) : null
    checks.push([
      `${endpoint}: ≥ 50% of nginx's ${endpoint.startsWith('asset') ? 'bytes/s' : 'req/s'} at 64 connections (${share === null ? 'no nginx' : `${(share * 100).toFixed(0)}%`})`,
      share === null ? null : share >= 0.5,
    ])
    if (tier)
      checks.push([
        `${endpoint}: p99 ≤ 50 ms (${ms(tier.measured.p99Ms)})`,
        tier.measured.p99Ms <= 50,
      ])
  }
  const tierErrors = rows
    .filter((r) => r.server === tierName)
    .reduce((n, r) => n + r.measured.errors, 0)
  checks.push([`0 errors (${tierErrors})`, tierErrors === 0])
  if (memoryGrowth !== null)
    checks.push([
      `memory flat: end ≤ 1.10× start after warm-up (${ratio(memoryGrowth)})`,
      memoryGrowth <= 1.1,
    ])
  const mark = (ok: boolean | null) => (ok === null ? 'n/a ' : ok ? 'met ' : 'MISS')
  return {
    text: checks.map(([what, ok]) => `  ${mark(ok)} ${tierName}, ${what}`).join('\n'),
    missed: checks.filter(([, ok]) => ok === false).length,
  }
}
