import { flushDisk } from '../disk'
import { runLoad, type LoadResult } from '../load'
import type { Profiled } from './profiles'
import { LOCALE, ok, type Studio, TOOLKIT } from './studio'

export const CONNECTIONS = 32
export const LOAD_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 10) * 1000
export const WARMUP_MS = 2000

export type ManifestVsRest = Awaited<ReturnType<typeof measureManifestVsRest>>

/** 1. The manifest endpoint vs Payload REST for the same clips, 32 connections each. */
export async function measureManifestVsRest(studio: Studio, clipIds: number[], profiled: Profiled) {
  const { url, tokens } = studio
  const manifestUrl = `${url}/api/delivery/toolkits/${TOOLKIT}/releases/1.0.0/manifest.json?audience=mainstream&locale=${LOCALE}`
  const restPath = `/api/clips?depth=2&limit=100&${encodeURIComponent('where[id][in]')}=${clipIds.join(',')}`
  const restCheck = ok(
    await studio.request<{ totalDocs: number }>(tokens.publisher, 'GET', restPath),
    200,
    'REST clips',
  )
  if (restCheck.totalDocs !== clipIds.length)
    throw new Error(`REST returned ${restCheck.totalDocs} clips, expected ${clipIds.length}`)
  flushDisk()
  const manifest = await profiled('load-manifest', () => load(manifestUrl, studio.deliveryHeaders))
  const rest = await profiled('load-rest', () =>
    load(`${url}${restPath}`, { authorization: `JWT ${tokens.publisher}` }),
  )
  return { manifest, rest }
}

async function load(target: string, headers: Record<string, string>): Promise<LoadResult> {
  const result = await runLoad({
    url: target,
    headers,
    connections: CONNECTIONS,
    warmupMs: WARMUP_MS,
    durationMs: LOAD_MS,
  })
  if (result.errors > 0)
    throw new Error(
      `${target}: ${result.errors} failed requests ${JSON.stringify(result.statuses)} ${result.lastError ?? ''}`,
    )
  return result
}
