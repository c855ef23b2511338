import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import os from 'node:os'
import path from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)'])

/** Where a frame's code lives: a package, a file of this repo, or null for native code. */
function placeOf(frame: ProfileNode['callFrame']): string | null {
  if (!frame.url) return IDLE.has(frame.functionName) ? frame.functionName : null
  const url = frame.url.replace(/^file:\/\//, '').split('?')[0]
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]
  if (url.startsWith('node:')) return url
  return path.relative(process.cwd(), url)
}

/**
 * Where the main thread's time went: self time by place, native code (SQLite, fs) counted with
 * the package or file that called it.
 */
export function summariseProfile(profile: CpuProfile, top = 10): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0
    total += micros
    let place: string | null = null
    for (let at: number | undefined = id; at !== undefined && place === null; at = parent.get(at))
      place = placeOf(byId.get(at)!.callFrame)
    self.set(place ?? '(native)', (self.get(place ?? '(native)') ?? 0) + micros)
  })
  return [
    `    main thread over ${(total / 1e6).toFixed(2)} s, self time by place:`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `      ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`),
  ]
}

/**
 * With BENCH_PROFILE=1, samples the main thread (the server and the jobs) while `work` runs,
 * writes `<name>.cpuprofile` to BENCH_PROFILE_DIR (default the OS temp dir; open it in Chrome
 * DevTools) and returns a summary of where the time went. Otherwise just runs `work`.
 */
export async function maybeProfile<T>(
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; summary: string[] }> {
  if (process.env.BENCH_PROFILE !== '1') return { result: await work(), summary: [] }
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 500 })
  await session.post('Profiler.start')
  try {
    const result = await work()
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile }
    const dir = process.env.BENCH_PROFILE_DIR ?? os.tmpdir()
    const file = path.join(dir, `${name}.cpuprofile`)
    fs.writeFileSync(file, JSON.stringify(profile))
    return { result, summary: [`  profile ${name}: ${file}`, ...summariseProfile(profile)] }
  } finally {
    session.disconnect()
  }
}
