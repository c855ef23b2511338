import { performance } from 'node:perf_hooks'
import type { Payload } from 'payload'

import { ffmpegRunCount } from '../../../src/lib/ffmpeg'
import { runQueueUntilIdle } from '../jobs'
import { TOOLKIT } from './studio'

export type SeededMedia = Awaited<ReturnType<typeof processSeededMedia>>

/**
 * Setup, not measured against anything: the seeded media through the real ffmpeg jobs, two at
 * a time as the worker runs them. Fails unless every clip of the toolkit ends up ready.
 */
export async function processSeededMedia(payload: Payload) {
  const started = performance.now()
  const ffmpegBefore = ffmpegRunCount()
  const { jobs } = await runQueueUntilIdle(payload, 'media', { limit: 2 })
  const ms = performance.now() - started
  const ffmpegRuns = ffmpegRunCount() - ffmpegBefore
  const clipIds = await toolkitClipIds(payload)
  const notReady = (
    await payload.find({
      collection: 'clips',
      where: { id: { in: clipIds } },
      depth: 0,
      pagination: false,
    })
  ).docs.filter((c) => c.processing?.status !== 'ready')
  if (notReady.length)
    throw new Error(
      `media not ready: ${notReady.map((c) => `${c.slug} (${c.processing?.status}: ${c.processing?.reason ?? ''})`).join(', ')}`,
    )
  return { jobs, ms, ffmpegRuns, clipIds }
}

/** The toolkit's clips (those its exercises use, and their audience variants). */
async function toolkitClipIds(payload: Payload): Promise<number[]> {
  const toolkit = (
    await payload.find({ collection: 'toolkits', where: { slug: { equals: TOOLKIT } }, depth: 0 })
  ).docs[0]
  if (!toolkit) throw new Error(`the seed made no toolkit "${TOOLKIT}"`)
  const modules = await payload.find({
    collection: 'modules',
    where: { toolkit: { equals: toolkit.id } },
    depth: 0,
    pagination: false,
  })
  const exercises = await payload.find({
    collection: 'exercises',
    where: { module: { in: modules.docs.map((m) => m.id) } },
    depth: 0,
    pagination: false,
  })
  const base = [...new Set(exercises.docs.map((e) => Number(e.clip)).filter(Boolean))]
  const clips = await payload.find({
    collection: 'clips',
    where: { or: [{ id: { in: base } }, { variantOf: { in: base } }] },
    depth: 0,
    pagination: false,
  })
  return clips.docs.map((c) => c.id).sort((a, b) => a - b)
}
