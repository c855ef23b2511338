import { BASE_OPTIONS, type FfmpegCommand } from './ffmpegCommand'

/** -16 LUFS integrated: the usual target for speech on mobile devices. */
export const SPEECH_LOUDNESS = { integratedLufs: -16, truePeakDb: -1.5, loudnessRange: 11 }
export const VOICE_AUDIO_KBPS = 96

/** Measures EBU R128 loudness; ffmpeg prints the summary on stderr (see parseLoudnessSummary). */
export function loudnessMeasureCommand(source: string): FfmpegCommand {
  return {
    inputs: [{ source, options: [...BASE_OPTIONS] }],
    outputs: [
      { target: '-', options: ['-map', '0:a:0', '-af', 'ebur128=peak=true', '-f', 'null'] },
    ],
  }
}

/** Loudness-normalised AAC in an M4A, mono speech kept mono, resampled for wide playback support. */
export function normaliseVoiceCommand(input: { source: string; target: string }): FfmpegCommand {
  const { integratedLufs, truePeakDb, loudnessRange } = SPEECH_LOUDNESS
  return {
    inputs: [{ source: input.source, options: [...BASE_OPTIONS] }],
    outputs: [
      {
        target: input.target,
        options: [
          '-map',
          '0:a:0',
          '-vn',
          '-af',
          // aformat pins a channel layout: ffmpeg 4.1 cannot negotiate one after loudnorm otherwise.
          `loudnorm=I=${integratedLufs}:TP=${truePeakDb}:LRA=${loudnessRange},aresample=48000,aformat=channel_layouts=mono|stereo`,
          '-c:a',
          'aac',
          '-b:a',
          `${VOICE_AUDIO_KBPS}k`,
          '-movflags',
          '+faststart',
          '-f',
          'mp4',
        ],
      },
    ],
  }
}

/**
 * The offline file for one accent: the low-data video with that accent's voice. Both streams
 * are already encoded, so this is a copy, not a transcode; -shortest trims a voice track that
 * runs a little past the animation.
 */
export function muxAccentCommand(input: {
  video: string
  voice: string
  target: string
}): FfmpegCommand {
  return {
    inputs: [
      { source: input.video, options: [...BASE_OPTIONS] },
      { source: input.voice, options: [] },
    ],
    outputs: [
      {
        target: input.target,
        options: [
          '-map',
          '0:v:0',
          '-map',
          '1:a:0',
          '-c',
          'copy',
          '-shortest',
          '-movflags',
          '+faststart',
          '-f',
          'mp4',
        ],
      },
    ],
  }
}

/** Parses the "Summary" block ebur128 prints at the end of stderr. */
export function parseLoudnessSummary(
  stderr: string,
): { integratedLufs: number; truePeakDb: number | null } | null {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'))
  const integrated = /I:\s+(-?[\d.]+|-inf)\s+LUFS/.exec(summary)
  if (!integrated) return null
  const peak = /Peak:\s+(-?[\d.]+|-inf)\s+dBFS/.exec(summary)
  const toNumber = (value: string) => (value === '-inf' ? Number.NEGATIVE_INFINITY : Number(value))
  return {
    integratedLufs: toNumber(integrated[1]),
    truePeakDb: peak ? toNumber(peak[1]) : null,
  }
}
