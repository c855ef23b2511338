import { describe, expect, it } from 'vitest'

import {
  loudnessMeasureCommand,
  muxAccentCommand,
  normaliseVoiceCommand,
  parseLoudnessSummary,
  SPEECH_LOUDNESS,
} from '../../src/domain/media/audio'
import { BASE_OPTIONS, toArgv } from '../../src/domain/media/ffmpegCommand'
import { hlsSegmentCommand } from '../../src/domain/media/hlsSegments'
import {
  GOP_SECONDS,
  posterCommand,
  RENDITIONS,
  renditionCommand,
  type RenditionProfile,
} from '../../src/domain/media/renditions'

function profile(label: '720p' | '360p'): RenditionProfile {
  const found = RENDITIONS.find((candidate) => candidate.label === label)
  if (!found) throw new Error(`no ${label} rendition`)
  return found
}

const hd = profile('720p')
const sd = profile('360p')

describe('toArgv', () => {
  it('should put input options before -i, then -y, then output options before each target', () => {
    expect(
      toArgv({
        inputs: [
          { source: 'a.mp4', options: ['-ss', '1'] },
          { source: 'b.m4a', options: [] },
        ],
        outputs: [
          { target: 'out1.mp4', options: ['-c', 'copy'] },
          { target: 'out2.jpg', options: [] },
        ],
      }),
    ).toEqual([
      '-ss',
      '1',
      '-i',
      'a.mp4',
      '-i',
      'b.m4a',
      '-y',
      '-c',
      'copy',
      'out1.mp4',
      'out2.jpg',
    ])
  })

  it('should keep ffmpeg quiet and non-interactive by default', () => {
    expect(BASE_OPTIONS).toEqual(['-hide_banner', '-nostdin'])
  })
})

describe('RENDITIONS', () => {
  it('should define a 720p and a 360p profile in that order', () => {
    expect(RENDITIONS.map((rendition) => rendition.label)).toEqual(['720p', '360p'])
  })

  it('should use a two-second GOP', () => {
    expect(GOP_SECONDS).toBe(2)
  })
})

describe('renditionCommand', () => {
  it('should build the exact 720p command for a 1080p 25 fps source with audio', () => {
    const command = renditionCommand({
      source: '/in/source.mov',
      target: '/out/720p.mp4',
      profile: hd,
      sourceHeight: 1080,
      frameRate: 25,
      hasAudio: true,
    })
    expect(toArgv(command)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/in/source.mov',
      '-y',
      '-map',
      '0:v:0',
      '-map',
      '0:a:0?',
      '-vf',
      'scale=-2:720:flags=lanczos,format=yuv420p',
      '-c:v',
      'libx264',
      '-preset',
      'medium',
      '-profile:v',
      'high',
      '-level:v',
      '3.1',
      '-b:v',
      '1800k',
      '-maxrate',
      '2400k',
      '-bufsize',
      '4800k',
      '-g',
      '50',
      '-keyint_min',
      '50',
      '-sc_threshold',
      '0',
      '-c:a',
      'aac',
      '-b:a',
      '96k',
      '-ac',
      '2',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
      '/out/720p.mp4',
    ])
  })

  it('should build the exact 360p command for a source without audio, dropping audio with -an', () => {
    const argv = toArgv(
      renditionCommand({
        source: '/in/silent.mp4',
        target: '/out/360p.mp4',
        profile: sd,
        sourceHeight: 1080,
        frameRate: 25,
        hasAudio: false,
      }),
    )
    expect(argv).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/in/silent.mp4',
      '-y',
      '-map',
      '0:v:0',
      '-vf',
      'scale=-2:360:flags=lanczos,format=yuv420p',
      '-c:v',
      'libx264',
      '-preset',
      'medium',
      '-profile:v',
      'main',
      '-level:v',
      '3.0',
      '-b:v',
      '500k',
      '-maxrate',
      '700k',
      '-bufsize',
      '1400k',
      '-g',
      '50',
      '-keyint_min',
      '50',
      '-sc_threshold',
      '0',
      '-an',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
      '/out/360p.mp4',
    ])
    expect(argv).not.toContain('0:a:0?')
    expect(argv).not.toContain('-c:a')
  })

  it('should never upscale a source shorter than the profile height', () => {
    const argv = toArgv(
      renditionCommand({
        source: 's.mp4',
        target: 't.mp4',
        profile: hd,
        sourceHeight: 240,
        frameRate: 25,
        hasAudio: true,
      }),
    )
    expect(argv[argv.indexOf('-vf') + 1]).toBe('scale=-2:240:flags=lanczos,format=yuv420p')
  })

  it('should floor an odd source height to the even height below it', () => {
    const argv = toArgv(
      renditionCommand({
        source: 's.mp4',
        target: 't.mp4',
        profile: hd,
        sourceHeight: 361,
        frameRate: 25,
        hasAudio: true,
      }),
    )
    expect(argv[argv.indexOf('-vf') + 1]).toBe('scale=-2:360:flags=lanczos,format=yuv420p')
  })

  it.each([
    [0, '50'],
    [Number.NaN, '50'],
    [12, '24'],
    [25, '50'],
  ])('should derive the GOP from a frame rate of %s as %s frames', (frameRate, gop) => {
    const argv = toArgv(
      renditionCommand({
        source: 's.mp4',
        target: 't.mp4',
        profile: sd,
        sourceHeight: 720,
        frameRate,
        hasAudio: true,
      }),
    )
    expect(argv[argv.indexOf('-g') + 1]).toBe(gop)
    expect(argv[argv.indexOf('-keyint_min') + 1]).toBe(gop)
  })
})

describe('posterCommand', () => {
  it('should seek to one second and grab a single JPEG frame', () => {
    expect(
      toArgv(
        posterCommand({ source: '/in/clip.mp4', target: '/out/poster.jpg', durationMs: 30_000 }),
      ),
    ).toEqual([
      '-hide_banner',
      '-nostdin',
      '-ss',
      '1.000',
      '-i',
      '/in/clip.mp4',
      '-y',
      '-frames:v',
      '1',
      '-q:v',
      '3',
      '-f',
      'image2',
      '/out/poster.jpg',
    ])
  })

  it('should seek to one second for a clip exactly two seconds long', () => {
    const argv = toArgv(posterCommand({ source: 's.mp4', target: 'p.jpg', durationMs: 2000 }))
    expect(argv[argv.indexOf('-ss') + 1]).toBe('1.000')
  })

  it('should seek to half the duration for a clip shorter than two seconds', () => {
    const argv = toArgv(posterCommand({ source: 's.mp4', target: 'p.jpg', durationMs: 1200 }))
    expect(argv[argv.indexOf('-ss') + 1]).toBe('0.600')
  })

  it('should seek to zero for a clip of zero duration', () => {
    const argv = toArgv(posterCommand({ source: 's.mp4', target: 'p.jpg', durationMs: 0 }))
    expect(argv[argv.indexOf('-ss') + 1]).toBe('0.000')
  })
})

describe('SPEECH_LOUDNESS', () => {
  it('should target -16 LUFS integrated, -1.5 dB true peak and 11 LU loudness range', () => {
    expect(SPEECH_LOUDNESS).toEqual({ integratedLufs: -16, truePeakDb: -1.5, loudnessRange: 11 })
  })
})

describe('loudnessMeasureCommand', () => {
  it('should measure EBU R128 loudness of the first audio stream into the null muxer', () => {
    expect(toArgv(loudnessMeasureCommand('/in/voice.wav'))).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/in/voice.wav',
      '-y',
      '-map',
      '0:a:0',
      '-af',
      'ebur128=peak=true',
      '-f',
      'null',
      '-',
    ])
  })
})

describe('normaliseVoiceCommand', () => {
  it('should loudness-normalise into a faststart AAC M4A', () => {
    expect(
      toArgv(normaliseVoiceCommand({ source: '/in/voice.wav', target: '/out/voice.m4a' })),
    ).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/in/voice.wav',
      '-y',
      '-map',
      '0:a:0',
      '-vn',
      '-af',
      'loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000,aformat=channel_layouts=mono|stereo',
      '-c:a',
      'aac',
      '-b:a',
      '96k',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
      '/out/voice.m4a',
    ])
  })
})

describe('muxAccentCommand', () => {
  it('should copy the video and the accent voice into one MP4 without re-encoding', () => {
    expect(
      toArgv(
        muxAccentCommand({
          video: '/derived/a/360p.mp4',
          voice: '/derived/v/voice.m4a',
          target: '/out/offline.mp4',
        }),
      ),
    ).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/derived/a/360p.mp4',
      '-i',
      '/derived/v/voice.m4a',
      '-y',
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
      '/out/offline.mp4',
    ])
  })
})

const perFrameLines = [
  "Input #0, wav, from '/in/voice.wav':",
  '  Duration: 00:00:03.60, bitrate: 768 kb/s',
  '  Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 48000 Hz, mono, s16, 768 kb/s',
  '[Parsed_ebur128_0 @ 0x5581c8a4e2c0] t: 0.499979   TARGET:-23 LUFS    M: -35.2 S:-120.7     I: -35.2 LUFS       LRA:   0.0 LU  FTPK: -24.1 dBFS  TPK: -24.1 dBFS',
  '[Parsed_ebur128_0 @ 0x5581c8a4e2c0] t: 0.599979   TARGET:-23 LUFS    M: -30.4 S:-120.7     I: -31.9 LUFS       LRA:   0.0 LU  FTPK: -20.3 dBFS  TPK: -20.3 dBFS',
  '[Parsed_ebur128_0 @ 0x5581c8a4e2c0] t: 3.59998    TARGET:-23 LUFS    M: -22.0 S: -21.9     I: -21.8 LUFS       LRA:   6.2 LU  FTPK: -19.0 dBFS  TPK: -18.0 dBFS',
  'size=N/A time=00:00:03.60 bitrate=N/A speed= 412x',
]

function summaryBlock(integrated: string, peak: string | null): string[] {
  return [
    '[Parsed_ebur128_0 @ 0x5581c8a4e2c0] Summary:',
    '',
    '  Integrated loudness:',
    `    I:         ${integrated} LUFS`,
    '    Threshold: -32.0 LUFS',
    '',
    '  Loudness range:',
    '    LRA:         6.2 LU',
    '    Threshold: -42.0 LUFS',
    '    LRA low:   -26.1 LUFS',
    '    LRA high:  -19.9 LUFS',
    ...(peak === null ? [] : ['', '  True peak:', `    Peak:      ${peak} dBFS`]),
  ]
}

describe('parseLoudnessSummary', () => {
  it('should take the integrated loudness and true peak from the final Summary block', () => {
    const stderr = [...perFrameLines, ...summaryBlock('-21.8', '-18.0')].join('\n')
    expect(parseLoudnessSummary(stderr)).toEqual({ integratedLufs: -21.8, truePeakDb: -18 })
  })

  it('should ignore earlier per-frame I: values that differ from the Summary', () => {
    const frames = perFrameLines.map((line) => line.replace('I: -21.8 LUFS', 'I: -40.0 LUFS'))
    const stderr = [...frames, ...summaryBlock('-21.8', '-18.0')].join('\n')
    expect(parseLoudnessSummary(stderr)).toEqual({ integratedLufs: -21.8, truePeakDb: -18 })
  })

  it('should read -inf values as negative infinity', () => {
    const stderr = [...perFrameLines, ...summaryBlock('-inf', '-inf')].join('\n')
    expect(parseLoudnessSummary(stderr)).toEqual({
      integratedLufs: Number.NEGATIVE_INFINITY,
      truePeakDb: Number.NEGATIVE_INFINITY,
    })
  })

  it('should report a null true peak when the Summary has no true peak section', () => {
    const stderr = [...perFrameLines, ...summaryBlock('-21.8', null)].join('\n')
    expect(parseLoudnessSummary(stderr)).toEqual({ integratedLufs: -21.8, truePeakDb: null })
  })

  it('should return null when stderr has per-frame lines but no Summary', () => {
    expect(parseLoudnessSummary(perFrameLines.join('\n'))).toBeNull()
  })

  it('should return null for empty stderr', () => {
    expect(parseLoudnessSummary('')).toBeNull()
  })
})

describe('hlsSegmentCommand', () => {
  it('should cut the video stream into 4 s VOD segments with the Annex B bitstream filter', () => {
    expect(
      toArgv(
        hlsSegmentCommand({
          source: '/derived/a/720p.mp4',
          stream: 'video',
          playlist: '/out/720p/index.m3u8',
          segmentPattern: '/out/720p/seg_%03d.ts',
        }),
      ),
    ).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/derived/a/720p.mp4',
      '-y',
      '-map',
      '0:v:0',
      '-c',
      'copy',
      '-bsf:v',
      'h264_mp4toannexb',
      '-f',
      'hls',
      '-hls_time',
      '4',
      '-hls_playlist_type',
      'vod',
      '-hls_segment_filename',
      '/out/720p/seg_%03d.ts',
      '/out/720p/index.m3u8',
    ])
  })

  it('should cut the audio stream into 4 s VOD segments without a bitstream filter', () => {
    expect(
      toArgv(
        hlsSegmentCommand({
          source: '/derived/v/voice.m4a',
          stream: 'audio',
          playlist: '/out/audio/en-GB/index.m3u8',
          segmentPattern: '/out/audio/en-GB/seg_%03d.ts',
        }),
      ),
    ).toEqual([
      '-hide_banner',
      '-nostdin',
      '-i',
      '/derived/v/voice.m4a',
      '-y',
      '-map',
      '0:a:0',
      '-c',
      'copy',
      '-f',
      'hls',
      '-hls_time',
      '4',
      '-hls_playlist_type',
      'vod',
      '-hls_segment_filename',
      '/out/audio/en-GB/seg_%03d.ts',
      '/out/audio/en-GB/index.m3u8',
    ])
  })
})
