import ffmpegInstaller from '@ffmpeg-installer/ffmpeg'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Media made on the spot with the bundled ffmpeg's test sources (lavfi testsrc / sine). */
export class MediaFixtures {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-fixtures-'))

  /** Runs the bundled ffmpeg once per name; later calls reuse the file. */
  make(name: string, args: string[]): string {
    const target = path.join(this.dir, name)
    if (!fs.existsSync(target)) {
      execFileSync(ffmpegInstaller.path, [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        ...args,
        target,
      ])
    }
    return target
  }

  /**
   * `tag`, when given, is written into the file's metadata: the same picture in different bytes,
   * so the media pipeline, which stores each step's output by the source's content, redoes the
   * work instead of finding it done by an earlier test.
   */
  animation(name = 'animation.mp4', seconds = 4, size = '640x360', tag?: string): string {
    return this.make(name, [
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=${size}:rate=25:duration=${seconds}`,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      ...(tag ? ['-metadata', `comment=${tag}`] : []),
    ])
  }

  voice(name: string, seconds: number, frequency = 440, tag?: string): string {
    return this.make(name, [
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${frequency}:duration=${seconds}:sample_rate=44100`,
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      ...(tag ? ['-metadata', `comment=${tag}`] : []),
    ])
  }

  text(name: string, content: string | Buffer): string {
    const target = path.join(this.dir, name)
    fs.writeFileSync(target, content)
    return target
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

export const VALID_VTT =
  'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\n<v Dean>Hello, Sam.\n\n00:00:02.500 --> 00:00:03.800\n<v Sam>Hi Dean. Take a seat.\n'
