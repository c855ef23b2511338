import fs from 'node:fs'

import type { MediaFixtures } from './fixtures'

/**
 * Broken, mislabelled and wrong-codec media for upload validation tests, made with the bundled
 * ffmpeg into the fixtures' folder (so `fixtures.remove()` cleans them up too).
 */
export class BadMediaFiles {
  constructor(private readonly fixtures: MediaFixtures) {}

  private ffmpeg(name: string, args: string[]): Buffer {
    return fs.readFileSync(this.fixtures.make(name, args))
  }

  /** A valid H.264 MP4 (video only, moov at the end as ffmpeg writes it by default). */
  animation(): Buffer {
    return fs.readFileSync(this.fixtures.animation('bad-files-animation.mp4', 2, '320x180'))
  }

  /** A valid AAC voice track in an M4A container. */
  voice(): Buffer {
    return fs.readFileSync(this.fixtures.voice('bad-files-voice.m4a', 1))
  }

  /** AAC audio in an MP4 with the generic "isom" brand: only ffprobe can tell it has no video. */
  audioOnlyMp4(): Buffer {
    return this.ffmpeg('audio-only.mp4', [
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=330:duration=1',
      '-c:a',
      'aac',
    ])
  }

  /** An M4A container holding no stream at all (zero audio frames encoded). */
  emptyM4a(): Buffer {
    return this.ffmpeg('no-frames.m4a', [
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=44100:cl=mono',
      '-frames:a',
      '0',
      '-c:a',
      'aac',
    ])
  }

  /** A WAV with a PCM audio stream but no samples, so no duration. */
  emptyWav(): Buffer {
    return this.ffmpeg('no-samples.wav', [
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=44100:cl=mono',
      '-frames:a',
      '0',
      '-c:a',
      'pcm_s16le',
    ])
  }

  /** MPEG-4 Part 2 video in an MP4: a container animations accept with a codec they do not. */
  mpeg4Part2Mp4(): Buffer {
    return this.ffmpeg('mpeg4-part2.mp4', [
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x180:rate=25:duration=1',
      '-c:v',
      'mpeg4',
    ])
  }

  /** Motion JPEG in an AVI. */
  mjpegAvi(): Buffer {
    return this.ffmpeg('mjpeg.avi', [
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x180:rate=25:duration=1',
      '-c:v',
      'mjpeg',
      '-pix_fmt',
      'yuvj420p',
    ])
  }

  /** An MP3 (libmp3lame writes an ID3v2 tag first). */
  mp3(): Buffer {
    return this.ffmpeg('tone.mp3', [
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=1',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '64k',
    ])
  }

  /** One PNG frame of the test pattern. */
  png(): Buffer {
    return this.ffmpeg('frame.png', [
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=64x36:rate=1:duration=1',
      '-frames:v',
      '1',
    ])
  }

  /** One JPEG frame of the test pattern. */
  jpeg(): Buffer {
    return this.ffmpeg('frame.jpg', [
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=64x36:rate=1:duration=1',
      '-frames:v',
      '1',
      '-pix_fmt',
      'yuvj420p',
    ])
  }
}

/**
 * Bytes that look random but are the same on every run (xorshift32), so a test never meets the
 * one seed in a million whose first bytes happen to match a media signature.
 */
export function noise(length: number, seed = 0x9e3779b9): Buffer {
  const bytes = Buffer.alloc(length)
  let state = seed >>> 0 || 1
  for (let i = 0; i < length; i++) {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    bytes[i] = state & 0xff
  }
  return bytes
}

/** Text in UTF-16 little-endian, with or without the FF FE byte order mark. */
export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le')
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body
}
