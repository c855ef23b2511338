import fs from 'node:fs/promises'
import path from 'node:path'

import type { AnimationOutputs } from './animation'
import type { VoiceOutputs } from './voice'
import { mpegtsTicks, withTimestampMap } from '../../domain/captions/timestampMap'
import { muxAccentCommand } from '../../domain/media/audio'
import { contentKey } from '../../domain/media/contentKey'
import type { DerivedRef } from '../../domain/media/derivedRefs'
import { buildMultivariantPlaylist, buildSubtitlePlaylist } from '../../domain/media/hlsPlaylist'
import { HLS_SEGMENT_SECONDS, hlsSegmentCommand } from '../../domain/media/hlsSegments'
import { playlistUris } from '../../domain/releases/hlsForRelease'
import { derivedKey } from '../../domain/storage/mediaKeys'
import type { ClipProcessingDetails } from '../../payload-types'
import { probe, runFfmpeg } from '../ffmpeg'
import { buildDerived } from '../storage/derived'
import { mediaStore, withLocalFiles } from '../storage/store'

export interface AccentVoice {
  accentLabel: string
  accentTag: string
  isDefault: boolean
  voice: VoiceOutputs
}

export interface CaptionSource {
  locale: string
  label: string
  /** The caption upload's key in the media store. */
  key: string
  sha256: string
}

export type OfflineOutput = ClipProcessingDetails['offline'][number]

/** The low-data video muxed with one accent's voice: the file a phone keeps for offline use. */
export async function muxOfflineAccent(input: {
  animation: AnimationOutputs
  accent: AccentVoice
}): Promise<OfflineOutput> {
  const video = lowestRendition(input.animation)
  const key = contentKey('offline', {
    video: input.animation.key,
    rendition: video.label,
    voice: input.accent.voice.key,
  })
  await buildDerived(key, async (dir) => {
    const inputs = [
      derivedKey(input.animation.key, video.file),
      derivedKey(input.accent.voice.key, input.accent.voice.file),
    ]
    await withLocalFiles(inputs, ([videoFile, voiceFile]) =>
      runFfmpeg(
        muxAccentCommand({
          video: videoFile,
          voice: voiceFile,
          target: path.join(dir, 'offline.mp4'),
        }),
      ),
    )
    return null
  })
  const stored = await mediaStore().stat(derivedKey(key, 'offline.mp4'))
  if (!stored) throw new Error(`The offline file of ${key} is missing from storage.`)
  const bytes = stored.bytes
  return {
    accentTag: input.accent.accentTag,
    accentLabel: input.accent.accentLabel,
    key,
    file: 'offline.mp4',
    bytes,
  }
}

/**
 * HLS for streaming: a media playlist per video rendition, per accent's voice and per caption
 * track, tied together by a multivariant playlist we write ourselves (the bundled ffmpeg 4.1
 * crashes writing one) so NAME and LANGUAGE are the accent's label and BCP 47 tag.
 */
export async function packageHls(input: {
  animation: AnimationOutputs
  durationMs: number
  accents: AccentVoice[]
  captions: CaptionSource[]
}): Promise<DerivedRef> {
  const key = contentKey('hls', {
    animation: input.animation.key,
    segmentSeconds: HLS_SEGMENT_SECONDS,
    accents: input.accents.map((a) => ({
      tag: a.accentTag,
      label: a.accentLabel,
      isDefault: a.isDefault,
      voice: a.voice.key,
    })),
    captions: input.captions.map((c) => ({ locale: c.locale, label: c.label, sha256: c.sha256 })),
    // Subtitle segments carry X-TIMESTAMP-MAP (packages built before it lack the map).
    subtitleTiming: 'x-timestamp-map',
  })
  await buildDerived(key, async (dir) => {
    for (const rendition of input.animation.renditions) {
      await segment(dir, `video-${rendition.label}`, 'video', {
        key: input.animation.key,
        file: rendition.file,
      })
    }
    for (const [index, accent] of input.accents.entries()) {
      await segment(dir, `audio-${index}`, 'audio', accent.voice)
    }
    const firstRendition = input.animation.renditions[0]
    const videoStart =
      input.captions.length && firstRendition
        ? await firstSegmentTimestamp(path.join(dir, `video-${firstRendition.label}`))
        : 0
    for (const [index, caption] of input.captions.entries()) {
      const folder = path.join(dir, `subtitles-${index}`)
      await fs.mkdir(folder)
      const vtt = (await mediaStore().read(caption.key)).toString('utf8')
      await fs.writeFile(path.join(folder, 'captions.vtt'), withTimestampMap(vtt, videoStart))
      await fs.writeFile(
        path.join(folder, 'index.m3u8'),
        buildSubtitlePlaylist({
          uri: 'captions.vtt',
          durationSeconds: Math.max(1, input.durationMs / 1000),
        }),
      )
    }
    const defaultIndex = Math.max(
      0,
      input.accents.findIndex((a) => a.isDefault),
    )
    await fs.writeFile(
      path.join(dir, 'master.m3u8'),
      buildMultivariantPlaylist({
        variants: input.animation.renditions.map((r) => ({
          uri: `video-${r.label}/index.m3u8`,
          bandwidth: r.bandwidth,
          averageBandwidth: r.averageBandwidth,
          width: r.width,
          height: r.height,
          frameRate: r.frameRate,
          codecs: r.codecs,
        })),
        audio: input.accents.map((a, index) => ({
          uri: `audio-${index}/index.m3u8`,
          name: a.accentLabel,
          language: a.accentTag,
          isDefault: index === defaultIndex,
        })),
        subtitles: input.captions.map((c, index) => ({
          uri: `subtitles-${index}/index.m3u8`,
          name: c.label,
          language: c.locale,
          isDefault: false,
        })),
      }),
    )
    return null
  })
  return { key, file: 'master.m3u8' }
}

/**
 * One stream of the package as HLS segments. Segmenting is cached per source on its own, so a
 * package rebuilt for new captions or another accent links the segments it already has instead
 * of running ffmpeg again (and a release ships the same segment bytes).
 */
async function segment(
  dir: string,
  folder: string,
  stream: 'video' | 'audio',
  source: { key: string; file: string },
) {
  const key = contentKey('hls-segments', {
    source: source.key,
    file: source.file,
    stream,
    segmentSeconds: HLS_SEGMENT_SECONDS,
  })
  await buildDerived(key, async (tmp) => {
    await mediaStore().withLocalFile(derivedKey(source.key, source.file), (file) =>
      runFfmpeg(
        hlsSegmentCommand({
          source: file,
          stream,
          playlist: path.join(tmp, 'index.m3u8'),
          segmentPattern: path.join(tmp, 'segment-%03d.ts'),
        }),
      ),
    )
    return null
  })
  await fs.mkdir(path.join(dir, folder))
  for (const name of await mediaStore().list(derivedKey(key))) {
    if (name !== 'index.m3u8' && !name.startsWith('segment-')) continue
    const target = path.join(dir, folder, name)
    // Derived files are never changed in place, so the package can share them.
    await mediaStore().withLocalFile(derivedKey(key, name), (file) =>
      fs.link(file, target).catch(() => fs.copyFile(file, target)),
    )
  }
}

/**
 * The MPEG-TS timestamp the video of a package starts at: ffmpeg's segments begin past zero
 * (its muxer delays the first frame), and subtitle cues must be placed against it.
 */
async function firstSegmentTimestamp(folder: string): Promise<number> {
  const playlist = await fs.readFile(path.join(folder, 'index.m3u8'), 'utf8')
  const first = playlistUris(playlist)[0]
  if (!first) return 0
  const { startMs } = await probe(path.join(folder, first))
  return startMs === null ? 0 : mpegtsTicks(startMs / 1000)
}

function lowestRendition(animation: AnimationOutputs) {
  return [...animation.renditions].sort((a, b) => a.height - b.height)[0]
}
