import ffmpegInstaller from '@ffmpeg-installer/ffmpeg'
import { spawnSync } from 'node:child_process'
import path from 'node:path'

export const ffmpeg = ffmpegInstaller.path

/** A 60 s 1080p test pattern with a tone, made with the bundled ffmpeg. */
export function makeSource(dir: string): string {
  const file = path.join(dir, 'source-1080p-60s.mp4')
  spawnSync(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1920x1080:rate=25:duration=60',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=60',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '23',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    file,
  ])
  return file
}

/** The source's audio track alone, copied as it is, to upload as a voice track. */
export function extractVoice(source: string, dir: string): string {
  const file = path.join(dir, 'voice.m4a')
  spawnSync(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    source,
    '-vn',
    '-c:a',
    'copy',
    file,
  ])
  return file
}
