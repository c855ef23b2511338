import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { ffmpeg } from './fixture'
import { toArgv } from '../../../src/domain/media/ffmpegCommand'
import { RENDITIONS, renditionCommand } from '../../../src/domain/media/renditions'
import { runFfmpeg } from '../../../src/lib/ffmpeg'

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export interface WrapperVsRaw {
  /** Milliseconds per round. */
  raw: number[]
  wrapper: number[]
  ratio: number
}

/** 1. The 720p rendition of `source` through the wrapper vs the raw ffmpeg CLI, ROUNDS each. */
export async function measureWrapperVsRaw(source: string, dir: string): Promise<WrapperVsRaw> {
  const command = (target: string) =>
    renditionCommand({
      source,
      target,
      profile: RENDITIONS[0],
      sourceHeight: 1080,
      frameRate: 25,
      hasAudio: true,
    })
  const wrapper: number[] = []
  const raw: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first so neither always gets a warm cache.
    const order = round % 2 === 0 ? ['raw', 'wrapper'] : ['wrapper', 'raw']
    for (const which of order) {
      const target = path.join(dir, `${which}-${round}.mp4`)
      const started = performance.now()
      if (which === 'raw') {
        const result = spawnSync(ffmpeg, toArgv(command(target)), { stdio: 'ignore' })
        if (result.status !== 0) throw new Error('raw ffmpeg failed')
        raw.push(performance.now() - started)
      } else {
        await runFfmpeg(command(target), { durationMs: 60_000, onProgress: () => undefined })
        wrapper.push(performance.now() - started)
      }
    }
  }
  return { raw, wrapper, ratio: median(wrapper) / median(raw) }
}
