import { BASE_OPTIONS, type FfmpegCommand } from './ffmpegCommand'

export const HLS_SEGMENT_SECONDS = 4

/**
 * Cuts an already-encoded stream into an HLS media playlist without re-encoding. Video and each
 * accent's audio are separate playlists so the player can switch accent (EXT-X-MEDIA AUDIO)
 * without downloading the video again.
 */
export function hlsSegmentCommand(input: {
  source: string
  stream: 'video' | 'audio'
  playlist: string
  segmentPattern: string
}): FfmpegCommand {
  return {
    inputs: [{ source: input.source, options: [...BASE_OPTIONS] }],
    outputs: [
      {
        target: input.playlist,
        options: [
          '-map',
          input.stream === 'video' ? '0:v:0' : '0:a:0',
          '-c',
          'copy',
          ...(input.stream === 'video' ? ['-bsf:v', 'h264_mp4toannexb'] : []),
          '-f',
          'hls',
          '-hls_time',
          String(HLS_SEGMENT_SECONDS),
          '-hls_playlist_type',
          'vod',
          '-hls_segment_filename',
          input.segmentPattern,
        ],
      },
    ],
  }
}
