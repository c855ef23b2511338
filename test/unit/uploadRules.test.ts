import { describe, expect, it } from 'vitest'

import { sniffMedia } from '../../src/domain/media/sniff'
import {
  checkFileName,
  checkProbedStreams,
  checkSize,
  checkSniffedType,
  DEFAULT_SIZE_LIMITS,
  formatBytes,
  type MediaCollection,
} from '../../src/domain/media/uploadRules'

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

describe('DEFAULT_SIZE_LIMITS', () => {
  it('should allow 1 GiB animations, 200 MiB voice tracks, 20 MiB voice comments, 1 MiB captions and 20 MiB images', () => {
    expect(DEFAULT_SIZE_LIMITS).toEqual({
      animations: GiB,
      'voice-tracks': 200 * MiB,
      'voice-comments': 20 * MiB,
      captions: MiB,
      images: 20 * MiB,
    })
  })
})

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1126, '1.1 KiB'],
    [10 * KiB + 51, '10 KiB'],
    [MiB, '1 MiB'],
    [200 * MiB, '200 MiB'],
    [2.25 * MiB, '2.3 MiB'],
    [GiB, '1 GiB'],
    [1.2 * GiB, '1.2 GiB'],
    [3 * 1024 * GiB, '3072 GiB'],
  ])('should format %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it('should move up a unit rather than print 1024 of the smaller one', () => {
    expect(formatBytes(MiB - 1)).toBe('1 MiB')
    expect(formatBytes(GiB - 1)).toBe('1 GiB')
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('should refuse %s', (bytes) => {
    expect(() => formatBytes(bytes)).toThrow(RangeError)
  })
})

describe('checkFileName', () => {
  it.each([
    'clip.mp4',
    'Dean at the job centre (take 2).mov',
    '-leading-dash.mp4',
    '.hidden.vtt',
    'Bore da — ŵ ŷ.mp3',
    '👋 hello.png',
    'x'.repeat(255),
    'é'.repeat(127),
    'no extension',
  ])('should accept %j', (name) => {
    expect(checkFileName(name)).toBeNull()
  })

  it('should refuse an empty name', () => {
    expect(checkFileName('')).toBe('The file name is empty.')
  })

  it.each(['.', '..'])('should refuse %j', (name) => {
    expect(checkFileName(name)).toBe(
      `The file name "${name}" is not allowed: it means a folder, not a file.`,
    )
  })

  it.each(['...', ' ', '  ', '. .'])('should refuse %j, which is only dots and spaces', (name) => {
    expect(checkFileName(name)).toBe(
      `The file name "${name}" is only dots and spaces; give the file a real name.`,
    )
  })

  it.each(['../secret.mp4', 'folder/clip.mp4', 'C:\\Users\\clip.mp4', '/'])(
    'should refuse %j, which holds a path separator',
    (name) => {
      expect(checkFileName(name)).toContain('contains a slash ("/" or "\\")')
      expect(checkFileName(name)).toContain(`"${name}"`)
    },
  )

  it.each([
    ['a NUL', 'clip\u0000.mp4', 'U+0000', '"clip\\u0000.mp4"'],
    ['a line feed', 'clip\n.mp4', 'U+000A', '"clip\\u000A.mp4"'],
    ['a tab', '\tclip.mp4', 'U+0009', '"\\u0009clip.mp4"'],
    ['an escape', 'clip\u001b[31m.mp4', 'U+001B', '"clip\\u001B[31m.mp4"'],
    ['a DEL', 'clip\u007f.mp4', 'U+007F', '"clip\\u007F.mp4"'],
  ])('should refuse a name with %s and show it escaped', (_what, name, codePoint, quoted) => {
    expect(checkFileName(name)).toBe(
      `The file name ${quoted} contains a control character (${codePoint}); rename the file without it.`,
    )
  })

  it('should refuse names over 255 bytes of UTF-8 even when under 255 characters', () => {
    expect(checkFileName('x'.repeat(256))).toMatch(
      /is 256 bytes long in UTF-8; the limit is 255 bytes\.$/,
    )
    // 128 two-byte characters are 256 bytes.
    expect(checkFileName('é'.repeat(128))).toMatch(/is 256 bytes long in UTF-8/)
    // Each emoji is a surrogate pair in JavaScript but four bytes in UTF-8.
    expect(checkFileName('👋'.repeat(64))).toMatch(/is 256 bytes long in UTF-8/)
  })

  it('should shorten a very long name when quoting it', () => {
    const message = checkFileName(`${'a'.repeat(300)}.mp4`) ?? ''
    expect(message).toContain(`"${'a'.repeat(80)}…"`)
    expect(message).toContain('is 304 bytes long')
  })
})

describe('checkSize', () => {
  it('should accept files up to and including the limit', () => {
    expect(checkSize({ collection: 'animations', bytes: 500 * MiB })).toBeNull()
    expect(checkSize({ collection: 'animations', bytes: GiB })).toBeNull()
    expect(checkSize({ collection: 'captions', bytes: 1 })).toBeNull()
  })

  it('should name the size and the collection limit', () => {
    expect(checkSize({ collection: 'animations', bytes: 1.2 * GiB })).toBe(
      'The file is 1.2 GiB; the limit for animations is 1 GiB.',
    )
    expect(checkSize({ collection: 'voice-tracks', bytes: 250 * MiB })).toBe(
      'The file is 250 MiB; the limit for voice tracks is 200 MiB.',
    )
    expect(checkSize({ collection: 'captions', bytes: 1.5 * MiB })).toBe(
      'The file is 1.5 MiB; the limit for captions is 1 MiB.',
    )
    expect(checkSize({ collection: 'images', bytes: 21 * MiB })).toBe(
      'The file is 21 MiB; the limit for images is 20 MiB.',
    )
  })

  it('should show exact byte counts when both sizes would round to the same text', () => {
    expect(checkSize({ collection: 'animations', bytes: GiB + 1 })).toBe(
      'The file is 1,073,741,825 bytes; the limit for animations is 1,073,741,824 bytes (1 GiB).',
    )
  })

  it('should use an explicit limit instead of the default', () => {
    expect(checkSize({ collection: 'images', bytes: 2 * MiB, limit: MiB })).toBe(
      'The file is 2 MiB; the limit for images is 1 MiB.',
    )
    expect(checkSize({ collection: 'captions', bytes: 2 * MiB, limit: 5 * MiB })).toBeNull()
  })

  it('should call a zero-byte file empty', () => {
    expect(checkSize({ collection: 'images', bytes: 0 })).toBe('The file is empty (0 bytes).')
  })

  it('should refuse nonsense sizes and limits as programming errors', () => {
    expect(() => checkSize({ collection: 'images', bytes: -1 })).toThrow(RangeError)
    expect(() => checkSize({ collection: 'images', bytes: Number.NaN })).toThrow(RangeError)
    expect(() => checkSize({ collection: 'images', bytes: 1, limit: 0 })).toThrow(RangeError)
  })
})

const text = (value: string) => sniffMedia(new TextEncoder().encode(value))
const ftyp = (brand: string) =>
  sniffMedia(Uint8Array.from([0, 0, 0, 16, ...'ftyp', ...brand, 0, 0, 2, 0].map(code)))
function code(char: string | number): number {
  return typeof char === 'number' ? char : char.charCodeAt(0)
}

const SNIFFED = {
  mp4: ftyp('isom'),
  mov: ftyp('qt  '),
  m4a: ftyp('M4A '),
  webm: sniffMedia(
    Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x84, ...'webm'].map(code)),
  ),
  mkv: sniffMedia(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3])),
  avi: sniffMedia(Uint8Array.from([...'RIFF', 0, 0, 0, 0, ...'AVI '].map(code))),
  wav: sniffMedia(Uint8Array.from([...'RIFF', 0, 0, 0, 0, ...'WAVE'].map(code))),
  webp: sniffMedia(Uint8Array.from([...'RIFF', 0, 0, 0, 0, ...'WEBP'].map(code))),
  ogg: sniffMedia(Uint8Array.from([...'OggS', 0].map(code))),
  flac: sniffMedia(Uint8Array.from([...'fLaC'].map(code))),
  mp3: sniffMedia(Uint8Array.from([0xff, 0xfb, 0x90, 0x64])),
  aac: sniffMedia(Uint8Array.from([0xff, 0xf1, 0x50, 0x80])),
  mpegts: sniffMedia(Uint8Array.from([0x47, 0x40, 0x00, 0x10, 0, 0, 0xb0])),
  png: sniffMedia(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpeg: sniffMedia(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])),
  gif: sniffMedia(Uint8Array.from([...'GIF89a'].map(code))),
  webvtt: text('WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n'),
  text: text('Hello, this is not a caption file.\n'),
  utf16: sniffMedia(Uint8Array.from([0xff, 0xfe, 0x57, 0, 0x45, 0])),
  unknown: sniffMedia(Uint8Array.from([0, 1, 2, 3])),
  empty: sniffMedia(new Uint8Array(0)),
}

type Sample = keyof typeof SNIFFED

const AUDIO_CONTAINERS: Sample[] = [
  'mp4',
  'mov',
  'm4a',
  'webm',
  'mkv',
  'avi',
  'wav',
  'ogg',
  'flac',
  'mp3',
  'aac',
  'mpegts',
]

const ACCEPTED: Record<MediaCollection, Sample[]> = {
  animations: ['mp4', 'mov', 'webm', 'mkv', 'avi', 'ogg', 'mpegts'],
  'voice-tracks': AUDIO_CONTAINERS,
  'voice-comments': AUDIO_CONTAINERS,
  captions: ['webvtt'],
  images: ['png', 'jpeg', 'webp'],
}

describe('checkSniffedType', () => {
  it('should have a sample for every sniffed format it is tested against', () => {
    expect(SNIFFED.mpegts.format).toBe('mpegts')
    expect(SNIFFED.utf16.format).toBe('utf16-text')
    expect(new Set(Object.values(SNIFFED).map((s) => s.format)).size).toBe(
      Object.keys(SNIFFED).length,
    )
  })

  const collections = Object.keys(ACCEPTED) as MediaCollection[]
  const cases = collections.flatMap((collection) =>
    (Object.keys(SNIFFED) as Sample[])
      .filter((sample) => sample !== 'empty')
      .map((sample) => [collection, sample, ACCEPTED[collection].includes(sample)] as const),
  )

  it.each(cases)('%s with %s: accepted=%s', (collection, sample, accepted) => {
    const message = checkSniffedType({
      collection,
      sniffed: SNIFFED[sample],
      fileName: 'upload.bin',
    })
    if (accepted) {
      expect(message).toBeNull()
    } else {
      expect(message).toMatch(/^"upload\.bin" /)
    }
  })

  it('should say what an animation really is and what to upload instead', () => {
    expect(
      checkSniffedType({ collection: 'animations', sniffed: SNIFFED.text, fileName: 'clip.mp4' }),
    ).toBe(
      '"clip.mp4" is really plain text, not a video file. Upload an MP4, MOV, WebM or MKV animation.',
    )
    expect(
      checkSniffedType({ collection: 'animations', sniffed: SNIFFED.m4a, fileName: 'clip.mp4' }),
    ).toBe(
      '"clip.mp4" is really an M4A audio file, not a video file. Upload an MP4, MOV, WebM or MKV animation.',
    )
    expect(
      checkSniffedType({ collection: 'animations', sniffed: SNIFFED.png, fileName: 'frame.mov' }),
    ).toBe(
      '"frame.mov" is really a PNG image, not a video file. Upload an MP4, MOV, WebM or MKV animation.',
    )
  })

  it('should explain a voice track that is really an image', () => {
    expect(
      checkSniffedType({ collection: 'voice-tracks', sniffed: SNIFFED.jpeg, fileName: 'dean.mp3' }),
    ).toBe(
      '"dean.mp3" is really a JPEG image, not an audio file. Upload an MP3, M4A, WAV, FLAC, AAC or Ogg voice track.',
    )
  })

  it('should tell a caption author that the file must start with WEBVTT', () => {
    expect(
      checkSniffedType({ collection: 'captions', sniffed: SNIFFED.text, fileName: 'dean.srt' }),
    ).toBe(
      '"dean.srt" is plain text but does not start with "WEBVTT", so it is not a WebVTT caption file. Caption files must start with "WEBVTT" on the first line (SRT files need converting to WebVTT).',
    )
  })

  it('should tell a caption author to save UTF-16 captions as UTF-8', () => {
    expect(
      checkSniffedType({ collection: 'captions', sniffed: SNIFFED.utf16, fileName: 'dean.vtt' }),
    ).toBe(
      '"dean.vtt" is saved as UTF-16 text; WebVTT caption files must be saved as UTF-8 and start with "WEBVTT".',
    )
  })

  it('should name the accepted image formats when a GIF is uploaded', () => {
    expect(
      checkSniffedType({ collection: 'images', sniffed: SNIFFED.gif, fileName: 'logo.gif' }),
    ).toBe(
      '"logo.gif" is really a GIF image, not a PNG, JPEG or WebP image. Upload a PNG, JPEG or WebP image.',
    )
  })

  it('should describe unrecognised bytes without guessing', () => {
    expect(
      checkSniffedType({ collection: 'images', sniffed: SNIFFED.unknown, fileName: 'photo.png' }),
    ).toBe(
      '"photo.png" is not a recognised media file (its first bytes match no known format), not a PNG, JPEG or WebP image. Upload a PNG, JPEG or WebP image.',
    )
  })

  it('should fall back to the sniffed label for formats it has no phrase for', () => {
    expect(
      checkSniffedType({
        collection: 'images',
        sniffed: { format: 'tiff', kind: 'image', label: 'TIFF image' },
        fileName: 'scan.png',
      }),
    ).toBe(
      '"scan.png" is really TIFF image data, not a PNG, JPEG or WebP image. Upload a PNG, JPEG or WebP image.',
    )
  })

  it.each(collections)('should call an empty %s upload empty', (collection) => {
    expect(checkSniffedType({ collection, sniffed: SNIFFED.empty, fileName: 'x' })).toBe(
      'The file is empty (0 bytes).',
    )
  })

  it('should show control characters in the quoted file name', () => {
    expect(
      checkSniffedType({ collection: 'images', sniffed: SNIFFED.text, fileName: 'a\u0007.png' }),
    ).toMatch(/^"a\\u0007\.png" is really plain text/)
  })
})

const h264 = { codecType: 'video', codecName: 'h264' }
const aac = { codecType: 'audio', codecName: 'aac' }

describe('checkProbedStreams', () => {
  it.each(['h264', 'hevc', 'vp9', 'av1', 'prores', 'H264'])(
    'should accept an animation with %s video',
    (codecName) => {
      expect(
        checkProbedStreams({
          collection: 'animations',
          streams: [{ codecType: 'video', codecName }],
          durationMs: 4000,
        }),
      ).toBeNull()
    },
  )

  it('should accept an animation with video and audio', () => {
    expect(
      checkProbedStreams({ collection: 'animations', streams: [h264, aac], durationMs: 4000 }),
    ).toBeNull()
  })

  it('should accept an animation when any video stream has an accepted codec', () => {
    const cover = { codecType: 'video', codecName: 'mjpeg' }
    expect(
      checkProbedStreams({ collection: 'animations', streams: [cover, h264], durationMs: 1 }),
    ).toBeNull()
  })

  it('should say an audio-only animation looks like audio only', () => {
    expect(checkProbedStreams({ collection: 'animations', streams: [aac], durationMs: 4000 })).toBe(
      'The file has no video stream: it looks like audio only. Animations need a video stream encoded as H.264, HEVC (H.265), VP9, AV1 or ProRes.',
    )
  })

  it('should say when an animation has no streams at all', () => {
    expect(checkProbedStreams({ collection: 'animations', streams: [], durationMs: 4000 })).toBe(
      'The file has no video or audio stream. Animations need a video stream encoded as H.264, HEVC (H.265), VP9, AV1 or ProRes.',
    )
  })

  it('should name the rejected codec and list the accepted ones', () => {
    expect(
      checkProbedStreams({
        collection: 'animations',
        streams: [{ codecType: 'video', codecName: 'mpeg4' }, aac],
        durationMs: 4000,
      }),
    ).toBe(
      'The video is encoded as mpeg4; animations must be encoded as H.264, HEVC (H.265), VP9, AV1 or ProRes. Re-export the animation with one of those codecs.',
    )
  })

  it('should accept a voice track with an audio stream, even inside a video container', () => {
    expect(
      checkProbedStreams({ collection: 'voice-tracks', streams: [aac], durationMs: 1200 }),
    ).toBeNull()
    expect(
      checkProbedStreams({ collection: 'voice-tracks', streams: [h264, aac], durationMs: 1200 }),
    ).toBeNull()
  })

  it('should accept a voice comment of sound only, up to ten minutes', () => {
    const opus = { codecType: 'audio', codecName: 'opus' }
    expect(
      checkProbedStreams({ collection: 'voice-comments', streams: [opus], durationMs: 600_000 }),
    ).toBeNull()
  })

  it('should refuse a voice comment with a picture, with no sound, or too long', () => {
    expect(
      checkProbedStreams({ collection: 'voice-comments', streams: [h264, aac], durationMs: 900 }),
    ).toBe(
      'The recording has a picture as well as sound. A voice comment must be sound only: record it again with the microphone alone.',
    )
    expect(checkProbedStreams({ collection: 'voice-comments', streams: [], durationMs: 900 })).toBe(
      'The recording has no sound in it. Record the comment again.',
    )
    expect(
      checkProbedStreams({ collection: 'voice-comments', streams: [aac], durationMs: 725_400 }),
    ).toBe(
      'The recording is 12 min 5 s long; a voice comment can be at most 10 min. Say the main point in a shorter recording, or split it into two comments.',
    )
  })

  it('should refuse a voice track without audio', () => {
    expect(
      checkProbedStreams({ collection: 'voice-tracks', streams: [h264], durationMs: 1200 }),
    ).toBe(
      'The file has no audio stream: it looks like video only. Voice tracks need an audio stream.',
    )
    expect(
      checkProbedStreams({
        collection: 'voice-tracks',
        streams: [{ codecType: 'subtitle', codecName: 'webvtt' }],
        durationMs: 1200,
      }),
    ).toBe('The file has no audio stream. Voice tracks need an audio stream.')
  })

  it.each([null, 0, Number.NaN, -5, Number.POSITIVE_INFINITY])(
    'should refuse a duration of %s',
    (durationMs) => {
      const message =
        'The file has zero duration: it may be truncated or still being written. Export it again and re-upload.'
      expect(checkProbedStreams({ collection: 'animations', streams: [h264], durationMs })).toBe(
        message,
      )
      expect(checkProbedStreams({ collection: 'voice-tracks', streams: [aac], durationMs })).toBe(
        message,
      )
    },
  )
})
