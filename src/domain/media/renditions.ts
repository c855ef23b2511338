import { BASE_OPTIONS, type FfmpegCommand } from './ffmpegCommand'

export interface RenditionProfile {
  label: '720p' | '360p'
  height: number
  videoKbps: number
  maxrateKbps: number
  audioKbps: number
  /** H.264 profile and level, also written into HLS CODECS. */
  profile: 'high' | 'main'
  level: '3.1' | '3.0'
  codecs: string
}

// Targets for speech-led animation watched on phones: 720p for supervision rooms, a low-data
// 360p for participants on pay-as-you-go data (~0.3 MB per minute of audio, ~4 MB per minute
// of video).
export const RENDITIONS: RenditionProfile[] = [
  {
    label: '720p',
    height: 720,
    videoKbps: 1800,
    maxrateKbps: 2400,
    audioKbps: 96,
    profile: 'high',
    level: '3.1',
    codecs: 'avc1.64001f,mp4a.40.2',
  },
  {
    label: '360p',
    height: 360,
    videoKbps: 500,
    maxrateKbps: 700,
    audioKbps: 64,
    profile: 'main',
    level: '3.0',
    codecs: 'avc1.4d401e,mp4a.40.2',
  },
]

export const GOP_SECONDS = 2
export const POSTER_AT_SECONDS = 1

/**
 * H.264/AAC MP4 with the moov atom first (+faststart) so playback starts before the download
 * ends. Never upscales: a 480p source stays 480p in the "720p" rendition. A fixed GOP lets the
 * same file be cut into HLS segments without re-encoding.
 */
export function renditionCommand(input: {
  source: string
  target: string
  profile: RenditionProfile
  sourceHeight: number
  frameRate: number
  hasAudio: boolean
}): FfmpegCommand {
  const { profile } = input
  const height = Math.min(profile.height, evenFloor(input.sourceHeight))
  const fps = Math.max(1, Math.round(input.frameRate || 25))
  const gop = fps * GOP_SECONDS
  return {
    inputs: [{ source: input.source, options: [...BASE_OPTIONS] }],
    outputs: [
      {
        target: input.target,
        options: [
          '-map',
          '0:v:0',
          ...(input.hasAudio ? ['-map', '0:a:0?'] : []),
          '-vf',
          `scale=-2:${height}:flags=lanczos,format=yuv420p`,
          '-c:v',
          'libx264',
          '-preset',
          'medium',
          '-profile:v',
          profile.profile,
          '-level:v',
          profile.level,
          '-b:v',
          `${profile.videoKbps}k`,
          '-maxrate',
          `${profile.maxrateKbps}k`,
          '-bufsize',
          `${profile.maxrateKbps * 2}k`,
          '-g',
          String(gop),
          '-keyint_min',
          String(gop),
          '-sc_threshold',
          '0',
          ...(input.hasAudio
            ? ['-c:a', 'aac', '-b:a', `${profile.audioKbps}k`, '-ac', '2']
            : ['-an']),
          '-movflags',
          '+faststart',
          '-f',
          'mp4',
        ],
      },
    ],
  }
}

/** A single JPEG frame from early in the clip (not frame 0, which is often black). */
export function posterCommand(input: {
  source: string
  target: string
  durationMs: number
}): FfmpegCommand {
  const at = Math.min(POSTER_AT_SECONDS, Math.max(0, input.durationMs / 1000 / 2))
  return {
    inputs: [{ source: input.source, options: [...BASE_OPTIONS, '-ss', at.toFixed(3)] }],
    outputs: [{ target: input.target, options: ['-frames:v', '1', '-q:v', '3', '-f', 'image2'] }],
  }
}

function evenFloor(value: number): number {
  const floored = Math.floor(value)
  return floored - (floored % 2)
}
