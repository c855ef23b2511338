import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDir } from '../../../src/lib/config/paths'
import { as, uniqueSuffix } from '../helpers/payload'
import { loginToken, setUpStudio } from '../helpers/studio'
import { PASSWORD } from '../helpers/world'
import { BadMediaFiles, noise, utf16le } from './helpers/badFiles'
import { MediaFixtures, VALID_VTT } from './helpers/fixtures'

type UploadCollection = 'animations' | 'voice-tracks' | 'captions' | 'images'

const studio = setUpStudio()
const fixtures = new MediaFixtures()
const files = new BadMediaFiles(fixtures)
const MiB = 1024 * 1024

let token: string
/**
 * The multipart parser streams uploads to temp files (useTempFiles). Payload's default folder is
 * ./tmp under the working directory, shared with any other run; this file uses its own, so it can
 * check that refused uploads leave no temp file behind.
 */
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-upload-temp-'))
let originalTempDir: string | undefined

function uploadOptions() {
  const options = studio.payload.config.upload
  if (!options?.useTempFiles)
    throw new Error('payload.config.ts should stream uploads to temp files')
  return options
}

beforeAll(async () => {
  token = await loginToken(studio.server.url, studio.world.users.designer.email, PASSWORD)
  originalTempDir = uploadOptions().tempFileDir
  uploadOptions().tempFileDir = tempDir
})

afterAll(() => {
  if (originalTempDir === undefined) delete uploadOptions().tempFileDir
  else uploadOptions().tempFileDir = originalTempDir
  fixtures.remove()
  fs.rmSync(tempDir, { recursive: true, force: true })
})

const listing = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])

interface Snapshot {
  count: number
  stored: string[]
  temp: string[]
}

/** What an upload could leave behind: documents, stored files and parser temp files. */
async function snapshot(collection: UploadCollection): Promise<Snapshot> {
  return {
    count: (await studio.payload.count({ collection })).totalDocs,
    stored: listing(mediaDir(collection)),
    temp: listing(tempDir),
  }
}

interface ErrorBody {
  errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
  doc?: { id: number; filename: string }
}

interface Sent {
  status: number
  body: ErrorBody
  /** The most specific message: the field error when there is one, else the top-level one. */
  problem: string
}

/** A real multipart POST, as the admin UI or a script would send it, signed in as the designer. */
async function upload(
  collection: UploadCollection,
  file: { name: string; mime: string; bytes: Buffer },
): Promise<Sent> {
  const form = new FormData()
  form.append('_payload', JSON.stringify(collection === 'images' ? { alt: 'x' } : { title: 'x' }))
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name)
  const response = await fetch(`${studio.server.url}/api/${collection}`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  const body = (await response.json().catch(() => ({}))) as ErrorBody
  const top = body.errors?.[0]
  return {
    status: response.status,
    body,
    problem: top?.data?.errors?.[0]?.message ?? top?.message ?? '',
  }
}

async function removeOverRest(collection: UploadCollection, id: number): Promise<void> {
  const response = await fetch(`${studio.server.url}/api/${collection}/${id}`, {
    method: 'DELETE',
    headers: { authorization: `JWT ${token}` },
  })
  expect(response.status, `deleting ${collection} ${id}`).toBe(200)
}

/** Sets environment variables for the length of one call, then puts back what was there. */
async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  Object.assign(process.env, env)
  try {
    return await run()
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

const vtt = (text: string) => Buffer.from(text, 'utf8')

/** A well-formed caption file of at least `bytes` bytes, made of many short cues. */
function longVtt(bytes: number): Buffer {
  const cues: string[] = ['WEBVTT', '']
  let size = 8
  for (let second = 0; size < bytes; second++) {
    const time = (s: number) => new Date(s * 1000).toISOString().slice(11, 23)
    const cue = `${time(second)} --> ${time(second + 1)}\nCue ${second}.\n`
    cues.push(cue)
    size += cue.length + 1
  }
  return vtt(cues.join('\n'))
}

interface BadUpload {
  what: string
  collection: UploadCollection
  name: string
  /** The MIME type the client claims; the validator must not believe it. */
  mime: string
  bytes: () => Buffer
  /** A phrase the message must contain, naming the problem. */
  phrase: string
  env?: Record<string, string>
  /** 400 unless the multipart parser refuses the request before any hook runs. */
  statuses?: number[]
  /** The expected status as the test name shows it. */
  expects?: string
}

const BAD_UPLOADS: BadUpload[] = [
  {
    what: 'a text file named clip.mp4',
    collection: 'animations',
    name: 'clip.mp4',
    mime: 'video/mp4',
    bytes: () => Buffer.from('Storyboard notes: Dean walks in, Sam looks up.\n'),
    phrase: 'is really plain text, not a video file',
  },
  {
    what: 'a truncated MP4 (its first 3000 bytes)',
    collection: 'animations',
    name: 'truncated.mp4',
    mime: 'video/mp4',
    bytes: () => files.animation().subarray(0, 3000),
    phrase: 'cannot be read as media',
  },
  {
    what: 'an audio-only MP4 as an animation',
    collection: 'animations',
    name: 'soundtrack.mp4',
    mime: 'video/mp4',
    bytes: () => files.audioOnlyMp4(),
    phrase: 'no video stream: it looks like audio only',
  },
  {
    what: 'an M4A voice track as an animation',
    collection: 'animations',
    name: 'voice.m4a',
    mime: 'video/mp4',
    bytes: () => files.voice(),
    phrase: 'is really an M4A audio file, not a video file',
  },
  {
    what: 'a video-only MP4 as a voice track',
    collection: 'voice-tracks',
    name: 'silent.mp4',
    mime: 'audio/mp4',
    bytes: () => files.animation(),
    phrase: 'no audio stream: it looks like video only',
  },
  {
    what: 'an M4A with no audio frames as a voice track',
    collection: 'voice-tracks',
    name: 'empty.m4a',
    mime: 'audio/mp4',
    bytes: () => files.emptyM4a(),
    phrase: 'no audio stream',
  },
  {
    what: 'a WAV with zero samples as a voice track',
    collection: 'voice-tracks',
    name: 'silence.wav',
    mime: 'audio/wav',
    bytes: () => files.emptyWav(),
    phrase: 'zero duration',
  },
  {
    what: 'a zero-byte animation',
    collection: 'animations',
    name: 'nothing.mp4',
    mime: 'video/mp4',
    bytes: () => Buffer.alloc(0),
    phrase: 'The file is empty (0 bytes).',
  },
  {
    what: 'a zero-byte voice track',
    collection: 'voice-tracks',
    name: 'nothing.m4a',
    mime: 'audio/mp4',
    bytes: () => Buffer.alloc(0),
    phrase: 'The file is empty (0 bytes).',
  },
  {
    what: 'a zero-byte caption file',
    collection: 'captions',
    name: 'nothing.vtt',
    mime: 'text/vtt',
    bytes: () => Buffer.alloc(0),
    phrase: 'The file is empty (0 bytes).',
  },
  {
    what: 'a Latin-1 caption file',
    collection: 'captions',
    name: 'latin1.vtt',
    mime: 'text/vtt',
    bytes: () =>
      Buffer.from('WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nA café near the office.\n', 'latin1'),
    phrase: 'line 4: the file is not UTF-8 text (byte 0xE9',
  },
  {
    what: 'a caption file without the WEBVTT header',
    collection: 'captions',
    name: 'headless.vtt',
    mime: 'text/vtt',
    bytes: () => vtt('00:00:00.500 --> 00:00:02.000\nHello, Sam.\n'),
    phrase: 'is plain text but does not start with "WEBVTT"',
  },
  {
    what: 'a caption file whose header runs into the first cue',
    collection: 'captions',
    name: 'no-blank-line.vtt',
    mime: 'text/vtt',
    bytes: () => vtt('WEBVTT\n00:00:00.500 --> 00:00:02.000\nHello, Sam.\n'),
    phrase: 'line 2: the "WEBVTT" line must be followed by an empty line',
  },
  {
    what: 'a caption file with comma timestamps',
    collection: 'captions',
    name: 'commas.vtt',
    mime: 'text/vtt',
    bytes: () => vtt('WEBVTT\n\n00:00:00,500 --> 00:00:02,000\nHello, Sam.\n'),
    phrase: 'line 3: the milliseconds must come after a full stop, not a comma',
  },
  {
    what: 'a caption file with a cue that ends before it starts',
    collection: 'captions',
    name: 'backwards.vtt',
    mime: 'text/vtt',
    bytes: () => vtt('WEBVTT\n\n00:00:03.000 --> 00:00:01.000\nHello, Sam.\n'),
    phrase: 'line 3: cue ends before it starts',
  },
  {
    what: 'a caption file over UPLOAD_LIMIT_CAPTIONS (2 KiB)',
    collection: 'captions',
    name: 'long.vtt',
    mime: 'text/vtt',
    bytes: () => longVtt(3000),
    env: { UPLOAD_LIMIT_CAPTIONS: '2048' },
    phrase: 'the limit for captions is 2 KiB',
  },
  {
    what: 'a caption file over the default 1 MiB limit',
    collection: 'captions',
    name: 'huge.vtt',
    mime: 'text/vtt',
    bytes: () => longVtt(MiB + 1024),
    // Both sizes round to "1 MiB", so the message gives exact byte counts instead.
    phrase: 'the limit for captions is 1,048,576 bytes (1 MiB)',
  },
  {
    what: 'a PNG as an animation',
    collection: 'animations',
    name: 'frame.mp4',
    mime: 'video/mp4',
    bytes: () => files.png(),
    phrase: 'is really a PNG image, not a video file',
  },
  {
    what: 'an MP3 as captions',
    collection: 'captions',
    name: 'tone.vtt',
    mime: 'text/vtt',
    bytes: () => files.mp3(),
    phrase: 'is really an MP3 audio file, not a WebVTT caption file',
  },
  {
    what: 'an SRT file as captions',
    collection: 'captions',
    name: 'subtitles.srt',
    mime: 'application/x-subrip',
    bytes: () => vtt('1\n00:00:01,000 --> 00:00:03,000\nHello, Sam.\n\n'),
    phrase: 'SRT files need converting to WebVTT',
  },
  {
    what: 'a UTF-16 caption file with a byte order mark',
    collection: 'captions',
    name: 'utf16.vtt',
    mime: 'text/vtt',
    bytes: () => utf16le(VALID_VTT),
    phrase: 'is saved as UTF-16 text',
  },
  {
    what: 'a UTF-16 caption file without a byte order mark',
    collection: 'captions',
    name: 'utf16-nobom.vtt',
    mime: 'text/vtt',
    bytes: () => utf16le(VALID_VTT, false),
    phrase: 'is saved as UTF-16 text',
  },
  {
    what: 'a JPEG named .mp4 as a voice track',
    collection: 'voice-tracks',
    name: 'voice.mp4',
    mime: 'audio/mp4',
    bytes: () => files.jpeg(),
    phrase: 'is really a JPEG image, not an audio file',
  },
  {
    what: 'an MPEG-4 Part 2 animation',
    collection: 'animations',
    name: 'divx.mp4',
    mime: 'video/mp4',
    bytes: () => files.mpeg4Part2Mp4(),
    phrase: 'The video is encoded as mpeg4',
  },
  {
    what: 'a Motion JPEG AVI animation',
    collection: 'animations',
    name: 'mjpeg.avi',
    mime: 'video/x-msvideo',
    bytes: () => files.mjpegAvi(),
    phrase: 'The video is encoded as mjpeg',
  },
  {
    what: 'random bytes as an animation',
    collection: 'animations',
    name: 'noise.mp4',
    mime: 'video/mp4',
    bytes: () => noise(64 * 1024),
    phrase: 'is not a recognised media file',
  },
  {
    what: 'random bytes as captions',
    collection: 'captions',
    name: 'noise.vtt',
    mime: 'text/vtt',
    bytes: () => noise(4096, 7),
    phrase: 'is not a recognised media file',
  },
  {
    what: 'a text file named photo.png as an image',
    collection: 'images',
    name: 'photo.png',
    mime: 'image/png',
    bytes: () => Buffer.from('not a picture\n'),
    phrase: 'is really plain text, not a PNG, JPEG or WebP image',
  },
  {
    what: 'an animation over UPLOAD_LIMIT_ANIMATIONS (1000 bytes)',
    collection: 'animations',
    name: 'too-big.mp4',
    mime: 'video/mp4',
    bytes: () => files.animation(),
    env: { UPLOAD_LIMIT_ANIMATIONS: '1000' },
    phrase: 'the limit for animations is 1000 B',
  },
  {
    // The parser stops at its request limit (Payload's default, 50 MiB) before any hook runs:
    // 413. Were that limit raised, the hook would refuse the same file with 400 instead.
    what: 'a 51 MiB voice track, past the multipart parser limit',
    collection: 'voice-tracks',
    name: 'huge.m4a',
    mime: 'audio/mp4',
    bytes: () => noise(51 * MiB),
    env: { UPLOAD_LIMIT_VOICE_TRACKS: String(50 * MiB) },
    phrase: 'limit',
    statuses: [413, 400],
    expects: '413 (or 400)',
  },
]

describe('bad uploads over REST are refused with a message naming the problem', () => {
  it('should have a corpus of at least 18 bad files', () => {
    expect(BAD_UPLOADS.length).toBeGreaterThanOrEqual(18)
  })

  it.each(BAD_UPLOADS.map((bad) => ({ statuses: [400], expects: '400', env: {}, ...bad })))(
    'should reject $what with $expects and leave nothing behind',
    async ({ collection, name, mime, bytes, phrase, env, statuses }) => {
      const file = { name, mime, bytes: bytes() }
      const before = await snapshot(collection)
      const sent = await withEnv(env, () => upload(collection, file))

      expect(statuses, JSON.stringify(sent.body)).toContain(sent.status)
      if (sent.status === 400) {
        expect(sent.body.errors?.[0]?.data?.errors).toEqual([
          { path: 'file', message: expect.stringContaining(phrase) },
        ])
      }
      expect(sent.problem).toContain(phrase)
      expect(await snapshot(collection)).toEqual(before)
    },
  )
})

describe('file names over REST', () => {
  it('should reject a file name with a tab (a control character) with 400 and leave nothing behind', async () => {
    const before = await snapshot('captions')
    const sent = await upload('captions', {
      name: 'clip\t1.vtt',
      mime: 'text/vtt',
      bytes: vtt(VALID_VTT),
    })
    expect(sent.status).toBe(400)
    expect(sent.problem).toContain('contains a control character (U+0009)')
    expect(await snapshot('captions')).toEqual(before)
  })

  it.each(['../../evil.vtt', '..\\..\\evil.vtt', '/etc/evil.vtt'])(
    'should drop the folder part of %j and store a plain name inside the captions folder',
    async (name) => {
      const dir = mediaDir('captions')
      const before = await snapshot('captions')
      const sent = await upload('captions', { name, mime: 'text/vtt', bytes: vtt(VALID_VTT) })
      // Busboy keeps only the last path segment, so the hook sees (and passes) "evil.vtt".
      expect(sent.status, JSON.stringify(sent.body)).toBe(201)
      const doc = sent.body.doc as NonNullable<ErrorBody['doc']>
      try {
        expect(doc.filename).toMatch(/^evil(-\d+)?\.vtt$/)
        expect(doc.filename).not.toMatch(/[/\\]|\.\./)
        expect(listing(dir)).toContain(doc.filename)
        expect(fs.existsSync(path.resolve(dir, name.replaceAll('\\', '/')))).toBe(false)
      } finally {
        await removeOverRest('captions', doc.id)
      }
      expect(await snapshot('captions')).toEqual(before)
    },
  )
})

describe('valid uploads still pass (positive controls)', () => {
  const VALID = [
    {
      collection: 'animations' as const,
      what: 'an H.264 animation',
      ext: 'mp4',
      mime: 'video/mp4',
      bytes: () => files.animation(),
    },
    {
      collection: 'voice-tracks' as const,
      what: 'an AAC voice track',
      ext: 'm4a',
      mime: 'audio/mp4',
      bytes: () => files.voice(),
    },
    {
      collection: 'captions' as const,
      what: 'a WebVTT caption file',
      ext: 'vtt',
      mime: 'text/vtt',
      bytes: () => vtt(VALID_VTT),
    },
  ]

  it.each(VALID)(
    'should accept $what with 201 and remove it cleanly',
    async ({ collection, ext, mime, bytes }) => {
      const before = await snapshot(collection)
      const name = `valid-${uniqueSuffix()}.${ext}`
      const sent = await upload(collection, { name, mime, bytes: bytes() })
      expect(sent.status, JSON.stringify(sent.body)).toBe(201)
      const doc = sent.body.doc as NonNullable<ErrorBody['doc']>
      expect(doc.filename).toBe(name)
      expect(listing(mediaDir(collection))).toContain(name)
      await removeOverRest(collection, doc.id)
      expect(await snapshot(collection)).toEqual(before)
    },
  )
})

describe('two uploads of the same name at once', () => {
  it('should store both, each with its own bytes under its own name', async () => {
    const name = `same-${uniqueSuffix()}.vtt`
    const bodies = [0, 1, 2, 3].map((i) => VALID_VTT.replace('Take a seat.', `Take seat ${i}.`))
    const sent = await Promise.all(
      bodies.map((text) => upload('captions', { name, mime: 'text/vtt', bytes: vtt(text) })),
    )
    expect(sent.map((s) => `${s.status} ${s.problem}`)).toEqual(Array(4).fill('201 '))
    const docs = sent.map((s) => s.body.doc!)
    expect(new Set(docs.map((d) => d.filename)).size).toBe(4)
    docs.forEach((doc, i) => {
      expect(fs.readFileSync(path.join(mediaDir('captions'), doc.filename), 'utf8')).toBe(bodies[i])
    })
    for (const doc of docs) await removeOverRest('captions', doc.id)
  })
})

describe('the Local API applies the same checks', () => {
  const designer = () => as(studio.world.users.designer)

  it.each([
    {
      what: 'plain text as an animation',
      collection: 'animations' as const,
      name: 'clip.mp4',
      mimetype: 'video/mp4',
      data: Buffer.from('not a video\n'),
      phrase: 'is really plain text, not a video file',
    },
    {
      what: 'a caption file named ../../evil.vtt',
      collection: 'captions' as const,
      name: '../../evil.vtt',
      mimetype: 'text/vtt',
      data: vtt(VALID_VTT),
      phrase: 'contains a slash',
    },
    {
      what: 'a caption file whose name has U+0001 in it',
      collection: 'captions' as const,
      name: 'clip\u0001.vtt',
      mimetype: 'text/vtt',
      data: vtt(VALID_VTT),
      phrase: 'contains a control character (U+0001)',
    },
  ])(
    'should reject $what with a ValidationError on the file field',
    async ({ collection, name, mimetype, data, phrase }) => {
      const before = await snapshot(collection)
      const create = studio.payload.create({
        ...designer(),
        collection,
        data: { title: 'x' },
        file: { data, mimetype, name, size: data.length },
      })
      const error = await create.then(
        () => null,
        (thrown: unknown) => thrown,
      )
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).status).toBe(400)
      expect((error as ValidationError).data.errors).toEqual([
        { path: 'file', message: expect.stringContaining(phrase) },
      ])
      expect(await snapshot(collection)).toEqual(before)
    },
  )
})
