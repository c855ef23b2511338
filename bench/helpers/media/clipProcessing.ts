import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Payload } from 'payload'

import { extractVoice } from './fixture'
import { ffmpegRunCount } from '../../../src/lib/ffmpeg'
import type { Clip } from '../../../src/payload-types'

export interface Processing {
  ms: number
  ffmpegRuns: number
}

export interface ClipProcessing {
  first: Processing
  again: Processing
  resaveMs: number
  pendingAfterResave: number
}

/** A clip with `source` as its animation and its audio as the voice track of a new accent. */
export async function createBenchClip(
  payload: Payload,
  source: string,
  dir: string,
): Promise<Clip> {
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
  const voiceFile = extractVoice(source, dir)
  const animation = await upload('animations', source, 'video/mp4')
  const voice = await upload('voice-tracks', voiceFile, 'audio/mp4')
  return payload.create({
    collection: 'clips',
    data: {
      title: 'Bench clip',
      slug: 'bench-clip',
      animation: animation.id,
      voiceTracks: [{ accent: accent.id, track: voice.id }],
    },
  })
}

/**
 * 2. The clip's media jobs the first time, then again with its media unchanged, then a re-save
 * of the clip without media changes and the jobs it leaves queued.
 */
export async function measureClipProcessing(payload: Payload, clip: Clip): Promise<ClipProcessing> {
  const first = await processOnce(payload)
  await payload.jobs.queue({
    task: 'processClipMedia',
    queue: 'media',
    input: { clipId: String(clip.id) },
  })
  const again = await processOnce(payload)
  const resaveStarted = performance.now()
  await payload.update({ collection: 'clips', id: clip.id, data: { title: 'Bench clip, renamed' } })
  const resaveMs = performance.now() - resaveStarted
  const pendingAfterResave = (
    await payload.count({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  ).totalDocs
  return { first, again, resaveMs, pendingAfterResave }
}

async function processOnce(payload: Payload): Promise<Processing> {
  const runs = ffmpegRunCount()
  const started = performance.now()
  await payload.jobs.run({ queue: 'media', limit: 5 })
  return { ms: performance.now() - started, ffmpegRuns: ffmpegRunCount() - runs }
}
