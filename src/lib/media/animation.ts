import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'

import { contentKey } from '../../domain/media/contentKey'
import { posterCommand, RENDITIONS, renditionCommand } from '../../domain/media/renditions'
import type { ClipProcessingDetails } from '../../payload-types'
import { probe, runFfmpeg, type ProbeResult } from '../ffmpeg'
import { buildDerived } from '../storage/derived'

export const POSTER_SIZES = [
  { name: 'thumbnail', width: 320, height: 180 },
  { name: 'card', width: 640, height: 360 },
] as const

export type RenditionOutput = ClipProcessingDetails['renditions'][number]

export interface AnimationOutputs {
  key: string
  renditions: RenditionOutput[]
  poster: ClipProcessingDetails['poster']
}

/** Renditions and a poster for one animation file, built once per content key. */
export async function renderAnimation(input: {
  file: string
  sha256: string
  probe: ProbeResult
  onProgress?: (fraction: number) => void
}): Promise<AnimationOutputs> {
  const video = input.probe.streams.find((s) => s.codecType === 'video')!
  const hasAudio = input.probe.streams.some((s) => s.codecType === 'audio')
  const durationMs = input.probe.durationMs ?? 0
  const key = contentKey('animation', {
    source: input.sha256,
    renditions: RENDITIONS,
    posterSizes: POSTER_SIZES,
  })
  const { result } = await buildDerived(key, async (dir) => {
    const renditions: Omit<RenditionOutput, 'key'>[] = []
    for (const [index, profile] of RENDITIONS.entries()) {
      const file = `${profile.label}.mp4`
      await runFfmpeg(
        renditionCommand({
          source: input.file,
          target: path.join(dir, file),
          profile,
          sourceHeight: video.height ?? profile.height,
          frameRate: video.frameRate ?? 25,
          hasAudio,
        }),
        {
          durationMs,
          onProgress: (f) => input.onProgress?.((index + f) / (RENDITIONS.length + 1)),
        },
      )
      const out = await probe(path.join(dir, file))
      const stream = out.streams.find((s) => s.codecType === 'video')!
      const bytes = (await fs.stat(path.join(dir, file))).size
      const averageBandwidth = Math.round(
        (bytes * 8) / Math.max(1, (out.durationMs ?? durationMs) / 1000),
      )
      renditions.push({
        label: profile.label,
        file,
        width: stream.width ?? 0,
        height: stream.height ?? 0,
        bytes,
        averageBandwidth,
        bandwidth: Math.max(averageBandwidth, profile.maxrateKbps * 1000),
        codecs: profile.codecs,
        frameRate: stream.frameRate ?? video.frameRate ?? 25,
      })
    }
    await runFfmpeg(
      posterCommand({ source: input.file, target: path.join(dir, 'poster.jpg'), durationMs }),
    )
    for (const size of POSTER_SIZES) {
      await sharp(path.join(dir, 'poster.jpg'))
        .resize(size.width, size.height, { fit: 'cover' })
        .jpeg({ quality: 80 })
        .toFile(path.join(dir, `poster-${size.name}.jpg`))
    }
    return { renditions }
  })
  const built = result as { renditions: Omit<RenditionOutput, 'key'>[] }
  input.onProgress?.(1)
  return {
    key,
    renditions: built.renditions.map((r) => ({ key, ...r })),
    poster: {
      key,
      file: 'poster.jpg',
      sizes: Object.fromEntries(POSTER_SIZES.map((s) => [s.name, `poster-${s.name}.jpg`])),
    },
  }
}
