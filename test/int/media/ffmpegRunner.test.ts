import ffmpeg from 'fluent-ffmpeg'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { toArgv } from '../../../src/domain/media/ffmpegCommand'
import { posterCommand, RENDITIONS, renditionCommand } from '../../../src/domain/media/renditions'
import { ffmpegRunCount, MediaToolError, probe, runFfmpeg } from '../../../src/lib/ffmpeg'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-ffmpeg-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const fixture = path.resolve('seed/fixtures/media/animation-1.mp4')

describe('the ffmpeg wrapper', () => {
  it('should run a rendition and report progress, then probe the result', async () => {
    const target = path.join(tmp, '360p.mp4')
    const before = ffmpegRunCount()
    const fractions: number[] = []
    await runFfmpeg(
      renditionCommand({
        source: fixture,
        target,
        profile: RENDITIONS[1],
        sourceHeight: 180,
        frameRate: 12,
        hasAudio: false,
      }),
      { durationMs: 30_000, onProgress: (f) => fractions.push(f) },
    )
    expect(ffmpegRunCount()).toBe(before + 1)
    const result = await probe(target)
    expect(result.streams.map((s) => [s.codecType, s.codecName])).toEqual([['video', 'h264']])
    expect(result.streams[0].height).toBe(180)
    expect(result.durationMs).toBeGreaterThan(29_000)
    expect(fractions.length).toBeGreaterThan(0)
    expect(Math.max(...fractions)).toBeLessThanOrEqual(1)
  })

  it('should pass exactly the argument list the builders make', () => {
    const command = posterCommand({
      source: fixture,
      target: path.join(tmp, 'p.jpg'),
      durationMs: 30_000,
    })
    const job = ffmpeg()
    for (const input of command.inputs) job.input(input.source).inputOptions(input.options)
    for (const output of command.outputs) job.output(output.target).outputOptions(output.options)
    expect((job as unknown as { _getArguments: () => string[] })._getArguments()).toEqual(
      toArgv(command),
    )
  })

  it('should reject an unreadable file with a readable reason', async () => {
    const bad = path.join(tmp, 'bad.mp4')
    fs.writeFileSync(bad, 'this is not a video')
    await expect(probe(bad)).rejects.toBeInstanceOf(MediaToolError)
    await expect(probe(bad)).rejects.toThrow(
      /ffprobe could not read the file: .*(Invalid data|moov atom not found)/,
    )
    await expect(
      runFfmpeg(posterCommand({ source: bad, target: path.join(tmp, 'x.jpg'), durationMs: 1000 })),
    ).rejects.toThrow(/ffmpeg failed: .*(Invalid data|moov atom not found)/)
  })
})
