import { Parser } from 'm3u8-parser'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MediaFixtures, VALID_VTT } from './helpers/fixtures'
import type { DerivedRef } from '../../../src/domain/media/derivedRefs'
import { idOf } from '../../../src/domain/refs'
import { derivedKey } from '../../../src/domain/storage/mediaKeys'
import { mediaDir } from '../../../src/lib/config/paths'
import { ffmpegRunCount, probe } from '../../../src/lib/ffmpeg'
import type { ClipProcessingDetails } from '../../../src/payload-types'
import type { Clip } from '../../../src/payload-types'
import { derivedRoot, localPathOf } from '../helpers/localStore'
import { getTestPayload, uniqueSuffix } from '../helpers/payload'

let payload: Payload
const fixtures = new MediaFixtures()
const made: { collection: Parameters<Payload['delete']>[0]['collection']; id: number }[] = []

beforeAll(async () => {
  payload = await getTestPayload()
  // Other files (the seed, the access matrix) leave clips queued; this file runs only its own.
  await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
})

afterAll(async () => {
  for (const { collection, id } of made.reverse())
    await payload.delete({ collection, id }).catch(() => undefined)
  fixtures.remove()
})

async function upload(
  collection: 'animations' | 'voice-tracks' | 'captions',
  file: string,
  mimetype: string,
) {
  const data = fs.readFileSync(file)
  const doc = await payload.create({
    collection,
    data: { title: path.basename(file) },
    file: { data, mimetype, name: `${uniqueSuffix()}-${path.basename(file)}`, size: data.length },
  })
  made.push({ collection, id: doc.id })
  return doc
}

async function accent(label: string, tagSuffix: string) {
  const doc = await payload.create({
    collection: 'accents',
    data: {
      label,
      tag: `en-GB-x-${tagSuffix}${uniqueSuffix()
        .replace(/[^a-z0-9]/g, '')
        .slice(-4)}`,
    },
  })
  made.push({ collection: 'accents', id: doc.id })
  return doc
}

async function clipWith(media: {
  animation: number
  voices: { accent: number; track: number }[]
  captions?: number[]
}) {
  const doc = await payload.create({
    collection: 'clips',
    data: {
      title: `Pipeline clip ${uniqueSuffix()}`,
      slug: `pipeline-${uniqueSuffix()}`,
      animation: media.animation,
      voiceTracks: media.voices,
      captions: (media.captions ?? []).map((track) => ({ locale: 'en-GB' as const, track })),
    },
  })
  made.push({ collection: 'clips', id: doc.id })
  return doc
}

const runMediaJobs = () => payload.jobs.run({ queue: 'media', limit: 20 })
const reload = (id: number) => payload.findByID({ collection: 'clips', id, depth: 0 })
type Details = ClipProcessingDetails & { hls: DerivedRef }
/** Where the local store keeps a derived file the processing record names. */
const derivedPath = (ref: DerivedRef) => localPathOf(derivedKey(ref.key, ref.file))

describe('clip media pipeline (real jobs, real ffmpeg)', () => {
  let clip: Clip
  let geordie: Awaited<ReturnType<typeof accent>>

  it('should process a clip into renditions, poster, offline files per accent and HLS', async () => {
    geordie = await accent('Geordie (North East)', 'g')
    const scouse = await accent('Scouse (Merseyside)', 's')
    const animation = await upload('animations', fixtures.animation(), 'video/mp4')
    const voiceA = await upload('voice-tracks', fixtures.voice('a.m4a', 4, 330), 'audio/mp4')
    const voiceB = await upload('voice-tracks', fixtures.voice('b.m4a', 4.1, 262), 'audio/mp4')
    const captions = await upload('captions', fixtures.text('captions.vtt', VALID_VTT), 'text/vtt')
    clip = await clipWith({
      animation: animation.id,
      voices: [
        { accent: geordie.id, track: voiceA.id },
        { accent: scouse.id, track: voiceB.id },
      ],
      captions: [captions.id],
    })
    expect((await reload(clip.id)).processing?.status).toBe('queued')

    await runMediaJobs()
    const processed = await reload(clip.id)
    expect(processed.processing?.reason ?? null).toBeNull()
    expect(processed.processing?.status).toBe('ready')
    expect(processed.processing?.progress).toBe(100)
    const details = processed.processing?.details as Details

    for (const rendition of details.renditions) {
      const probed = await probe(derivedPath(rendition))
      expect(probed.streams.map((s) => s.codecName)).toEqual(['h264'])
      expect(Math.abs((probed.durationMs ?? 0) - 4000)).toBeLessThan(200)
    }
    expect(details.renditions.map((r) => [r.label, r.height])).toEqual([
      ['720p', 360],
      ['360p', 360],
    ])
    expect(
      fs.existsSync(derivedPath({ key: details.poster.key, file: details.poster.sizes.thumbnail })),
    ).toBe(true)

    expect(details.offline.map((o) => o.accentTag)).toEqual([geordie.tag, scouse.tag])
    for (const offline of details.offline) {
      const probed = await probe(derivedPath(offline))
      expect(probed.streams.map((s) => `${s.codecType}:${s.codecName}`).sort()).toEqual([
        'audio:aac',
        'video:h264',
      ])
    }

    const master = fs.readFileSync(derivedPath(details.hls), 'utf8')
    const parser = new Parser()
    parser.push(master)
    parser.end()
    const manifest = parser.manifest as unknown as {
      playlists: { attributes: Record<string, unknown> }[]
      mediaGroups: {
        AUDIO: Record<string, Record<string, { language: string; default: boolean; uri: string }>>
        SUBTITLES: Record<string, Record<string, { language: string }>>
      }
    }
    expect(manifest.playlists).toHaveLength(2)
    const audio = manifest.mediaGroups.AUDIO.audio
    expect(Object.keys(audio)).toEqual(['Geordie (North East)', 'Scouse (Merseyside)'])
    expect(audio['Geordie (North East)']).toMatchObject({ language: geordie.tag, default: true })
    expect(audio['Scouse (Merseyside)']).toMatchObject({ language: scouse.tag, default: false })
    expect(Object.values(manifest.mediaGroups.SUBTITLES.subs).map((s) => s.language)).toEqual([
      'en-GB',
    ])

    // Subtitle cues are placed against the video's first MPEG-TS timestamp (RFC 8216 §3.5).
    const hlsDir = path.dirname(derivedPath(details.hls))
    const videoPlaylist = fs.readFileSync(path.join(hlsDir, 'video-720p', 'index.m3u8'), 'utf8')
    const firstSegment = videoPlaylist.split('\n').find((l) => l && !l.startsWith('#'))!
    const { startMs } = await probe(path.join(hlsDir, 'video-720p', firstSegment))
    expect(startMs).toBeGreaterThan(0)
    const subtitle = fs.readFileSync(path.join(hlsDir, 'subtitles-0', 'captions.vtt'), 'utf8')
    expect(subtitle.split('\n').slice(0, 2)).toEqual([
      'WEBVTT',
      `X-TIMESTAMP-MAP=MPEGTS:${Math.round((startMs! / 1000) * 90_000)},LOCAL:00:00:00.000`,
    ])
    expect(subtitle.slice(subtitle.indexOf('\n\n'))).toBe(
      VALID_VTT.slice(VALID_VTT.indexOf('\n\n')),
    )

    const probedMaster = await probe(derivedPath(details.hls))
    expect(
      probedMaster.streams.filter((s) => s.codecType === 'video').length,
    ).toBeGreaterThanOrEqual(2)
    expect(
      probedMaster.streams.filter((s) => s.codecType === 'audio').length,
    ).toBeGreaterThanOrEqual(2)

    expect(details.sync.every((s) => s.inSync)).toBe(true)
    expect(fs.readdirSync(derivedRoot()).filter((f) => f.startsWith('.tmp-'))).toEqual([])
  })

  it('should do no ffmpeg work when the same clip is processed again', async () => {
    await payload.jobs.queue({
      task: 'processClipMedia',
      queue: 'media',
      input: { clipId: String(clip.id) },
    })
    const before = ffmpegRunCount()
    await runMediaJobs()
    expect(ffmpegRunCount()).toBe(before)
    expect((await reload(clip.id)).processing?.status).toBe('ready')
  })

  it('should rebuild HLS for new captions without running ffmpeg, sharing the segments', async () => {
    const before = (await reload(clip.id)).processing?.details as Details
    const segmentsBefore = fs.readdirSync(path.dirname(derivedPath(before.hls)), {
      recursive: true,
    })
    const captions = await upload(
      'captions',
      fixtures.text('captions-v2.vtt', VALID_VTT.replace('Take a seat.', 'Sit down.')),
      'text/vtt',
    )
    await payload.update({
      collection: 'clips',
      id: clip.id,
      data: { captions: [{ locale: 'en-GB', track: captions.id }] },
    })
    const ffmpegBefore = ffmpegRunCount()
    await runMediaJobs()
    expect(ffmpegRunCount()).toBe(ffmpegBefore)
    const after = (await reload(clip.id)).processing?.details as Details
    expect(after.hls.key).not.toBe(before.hls.key)
    const oldSegment = path.join(
      path.dirname(derivedPath(before.hls)),
      'video-720p',
      'segment-000.ts',
    )
    const newSegment = path.join(
      path.dirname(derivedPath(after.hls)),
      'video-720p',
      'segment-000.ts',
    )
    expect(fs.statSync(newSegment).ino).toBe(fs.statSync(oldSegment).ino)
    expect(
      fs.readdirSync(path.dirname(derivedPath(after.hls)), { recursive: true }).sort(),
    ).toEqual([...segmentsBefore].sort())
    const probed = await probe(derivedPath(after.hls))
    expect(probed.streams.some((s) => s.codecType === 'video')).toBe(true)
  })

  it('should queue nothing when a clip is saved without media changes', async () => {
    const pending = async () =>
      (
        await payload.count({
          collection: 'payload-jobs',
          where: { completedAt: { exists: false } },
        })
      ).totalDocs
    const before = await pending()
    await payload.update({
      collection: 'clips',
      id: clip.id,
      data: { title: 'Renamed, same media' },
    })
    expect(await pending()).toBe(before)
  })

  it('should take a deleted clip’s queued job with it, so a reused id never inherits it', async () => {
    const queued = await clipWith({
      animation: idOf(clip.animation) as number,
      voices: [{ accent: geordie.id, track: idOf(clip.voiceTracks![0].track) as number }],
    })
    const jobsOf = async (id: number) =>
      (
        await payload.count({
          collection: 'payload-jobs',
          where: { concurrencyKey: { equals: `clip:${id}` }, completedAt: { exists: false } },
        })
      ).totalDocs
    expect(await jobsOf(queued.id)).toBe(1)
    await payload.delete({ collection: 'clips', id: queued.id })
    expect(await jobsOf(queued.id)).toBe(0)
  })

  it('should mark a voice track more than 250 ms off the animation as out of sync, with both durations', async () => {
    const animation = await upload('animations', fixtures.animation('short.mp4', 3), 'video/mp4')
    const late = await upload('voice-tracks', fixtures.voice('late.m4a', 3.6), 'audio/mp4')
    const outOfSync = await clipWith({
      animation: animation.id,
      voices: [{ accent: geordie.id, track: late.id }],
    })
    await runMediaJobs()
    const processed = await reload(outOfSync.id)
    expect(processed.processing?.status).toBe('failed')
    expect(processed.processing?.reason).toMatch(
      /Geordie \(North East\): out of sync by 0\.\d{3} s: voice 3\.6\d\d s, animation 3\.000 s/,
    )
  })

  it('should fail a corrupt animation with a clear reason and still process other clips', async () => {
    const broken = await upload('animations', fixtures.animation('broken.mp4', 2), 'video/mp4')
    const stored = path.join(mediaDir('animations'), broken.filename!)
    fs.writeFileSync(stored, fs.readFileSync(stored).subarray(0, 2000))
    const brokenClip = await clipWith({ animation: broken.id, voices: [] })
    const fine = await upload(
      'animations',
      fixtures.animation('fine.mp4', 2, '320x180'),
      'video/mp4',
    )
    const fineVoice = await upload('voice-tracks', fixtures.voice('fine.m4a', 2), 'audio/mp4')
    const fineClip = await clipWith({
      animation: fine.id,
      voices: [{ accent: geordie.id, track: fineVoice.id }],
    })
    await runMediaJobs()
    const failed = await reload(brokenClip.id)
    expect(failed.processing?.status).toBe('failed')
    expect(failed.processing?.reason).toMatch(/cannot be read/)
    expect((await reload(fineClip.id)).processing?.status).toBe('ready')
  })
})
