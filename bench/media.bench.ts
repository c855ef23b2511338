// `npm run bench:media`: pipeline overhead and cache effect, measured side by side in one run.
// 1. The 720p rendition of a 60 s 1080p fixture through the wrapper vs the raw ffmpeg CLI with
//    the same arguments (target ratio ≤ 1.10).
// 2. Processing a clip the first time vs again with unchanged media (target: no ffmpeg work).
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { getPayload } from 'payload'
import { afterAll, it } from 'vitest'

import { toArgv } from '../src/domain/media/ffmpegCommand'
import { RENDITIONS, renditionCommand } from '../src/domain/media/renditions'
import { ffmpegRunCount, runFfmpeg } from '../src/lib/ffmpeg'
import config from '@payload-config'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-bench-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const ffmpeg = ffmpegInstaller.path
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)

function makeFixture(): string {
  const file = path.join(tmp, 'source-1080p-60s.mp4')
  spawnSync(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1920x1080:rate=25:duration=60',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=60',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '23',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    file,
  ])
  return file
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

it('media pipeline benchmark', { timeout: 30 * 60_000 }, async () => {
  const source = makeFixture()
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
      const target = path.join(tmp, `${which}-${round}.mp4`)
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
  const ratio = median(wrapper) / median(raw)

  const payload = await getPayload({ config })
  const accent = await payload.create({
    collection: 'accents',
    data: { label: 'Bench accent', tag: 'en-GB-x-bench' },
  })
  const upload = async (
    collection: 'animations' | 'voice-tracks',
    file: string,
    mimetype: string,
  ) => {
    const data = fs.readFileSync(file)
    return payload.create({
      collection,
      data: { title: path.basename(file) },
      file: { data, mimetype, name: path.basename(file), size: data.length },
    })
  }
  const voiceFile = path.join(tmp, 'voice.m4a')
  spawnSync(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    source,
    '-vn',
    '-c:a',
    'copy',
    voiceFile,
  ])
  const animation = await upload('animations', source, 'video/mp4')
  const voice = await upload('voice-tracks', voiceFile, 'audio/mp4')
  const clip = await payload.create({
    collection: 'clips',
    data: {
      title: 'Bench clip',
      slug: 'bench-clip',
      animation: animation.id,
      voiceTracks: [{ accent: accent.id, track: voice.id }],
    },
  })
  const processOnce = async () => {
    const runs = ffmpegRunCount()
    const started = performance.now()
    await payload.jobs.run({ queue: 'media', limit: 5 })
    return { ms: performance.now() - started, ffmpegRuns: ffmpegRunCount() - runs }
  }
  const first = await processOnce()
  await payload.jobs.queue({
    task: 'processClipMedia',
    queue: 'media',
    input: { clipId: String(clip.id) },
  })
  const second = await processOnce()
  const resaveStarted = performance.now()
  await payload.update({ collection: 'clips', id: clip.id, data: { title: 'Bench clip, renamed' } })
  const resaveMs = performance.now() - resaveStarted
  const pendingAfterResave = (
    await payload.count({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  ).totalDocs

  console.log(
    [
      '',
      'bench/media (2 cores, bundled ffmpeg)',
      `720p rendition of a 60 s 1080p source, median of ${ROUNDS}:`,
      `  raw ffmpeg CLI   ${seconds(median(raw))}   (${raw.map(seconds).join(', ')})`,
      `  pipeline wrapper ${seconds(median(wrapper))}   (${wrapper.map(seconds).join(', ')})`,
      `  ratio wrapper/raw ${ratio.toFixed(3)}   (target ≤ 1.10)`,
      'clip processing, first vs again with unchanged media:',
      `  first  ${seconds(first.ms)}, ${first.ffmpegRuns} ffmpeg runs`,
      `  again  ${seconds(second.ms)}, ${second.ffmpegRuns} ffmpeg runs   (target 0)`,
      `  ratio again/first ${(second.ms / first.ms).toFixed(3)}`,
      `re-save with unchanged media: ${seconds(resaveMs)}, ${pendingAfterResave} jobs queued (target 0)`,
    ].join('\n'),
  )
})
