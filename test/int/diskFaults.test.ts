import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { derivedRoot } from './helpers/localStore'
import { uniqueSuffix } from './helpers/payload'
import { mountSmallDisk, whyNoSmallDisk, type SmallDisk } from './helpers/smallDisk'
import { loginToken, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { MediaFixtures, VALID_VTT } from './media/helpers/fixtures'
import { mediaDir } from '../../src/lib/config/paths'

const noSmallDisk = whyNoSmallDisk()
if (noSmallDisk) console.warn(`Disk fault tests skipped: ${noSmallDisk}`)

const studio = setUpStudio()
const fixtures = new MediaFixtures()
const made: {
  collection: 'animations' | 'voice-tracks' | 'captions' | 'accents' | 'clips'
  id: number
}[] = []
let token = ''
const KiB = 1024
const MiB = 1024 * KiB

beforeAll(async () => {
  token = await loginToken(studio.server.url, studio.world.users.designer.email, PASSWORD)
})

afterAll(async () => {
  delete process.env.MEDIA_STORAGE_RETRY_SECONDS
  for (const { collection, id } of made.reverse())
    await studio.payload.delete({ collection, id }).catch(() => undefined)
  fixtures.remove()
})

/** Mounts a small disk over `dir` for the length of `work`, and always takes it away again. */
async function withSmallDisk(
  dir: string,
  options: { bytes: number; inodes?: number },
  work: (disk: SmallDisk) => Promise<void>,
): Promise<void> {
  const disk = mountSmallDisk(dir, options)
  try {
    await work(disk)
  } finally {
    disk.unmount()
  }
}

interface Sent {
  status: number
  message: string
  retryAfter: string | null
  doc?: { id: number; filename: string }
}

/** A real multipart upload over HTTP, as the admin sends it, signed in as the designer. */
async function upload(
  collection: 'captions' | 'images',
  file: { bytes: Buffer; name: string; type: string },
  fields: Record<string, unknown>,
): Promise<Sent> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(fields))
  const response = await fetch(`${studio.server.url}/api/${collection}`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  const body = (await response.json()) as { errors?: { message: string }[]; doc?: Sent['doc'] }
  return {
    status: response.status,
    message: body.errors?.[0]?.message ?? '',
    retryAfter: response.headers.get('retry-after'),
    doc: body.doc,
  }
}

const countTitled = async (collection: 'captions' | 'images', field: string, value: string) =>
  (await studio.payload.count({ collection, where: { [field]: { equals: value } } })).totalDocs

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe.skipIf(noSmallDisk !== null)('a full or read-only disk during an upload', () => {
  const caption = () => ({
    bytes: Buffer.from(VALID_VTT),
    name: `disk-${uniqueSuffix()}.vtt`,
    type: 'text/vtt',
  })

  it('should answer 503 naming a full disk, keep nothing, and take the same upload once there is room', async () => {
    await withSmallDisk(mediaDir('captions'), { bytes: 256 * KiB }, async (disk) => {
      disk.fillBytes()
      const title = `full disk ${uniqueSuffix()}`
      const file = caption()
      const refused = await upload('captions', file, { title })
      expect(refused.status).toBe(503)
      expect(refused.message).toBe(
        "The studio's storage is full, so the file cannot be saved. Nothing was saved. Try again later; if it keeps happening, ask an administrator to check the media disk.",
      )
      expect(refused.retryAfter).toBe('300')
      expect(await countTitled('captions', 'title', title)).toBe(0)
      expect(disk.contents()).toEqual([])

      disk.emptyFill()
      const accepted = await upload('captions', file, { title })
      expect(accepted.status).toBe(201)
      made.push({ collection: 'captions', id: accepted.doc!.id })
      expect(disk.contents()).toEqual([accepted.doc!.filename])
      expect(sha256(fs.readFileSync(path.join(disk.dir, accepted.doc!.filename)))).toBe(
        sha256(file.bytes),
      )
      await studio.payload.delete({ collection: 'captions', id: accepted.doc!.id })
    })
  })

  it('should answer 503 naming a read-only disk and keep nothing', async () => {
    await withSmallDisk(mediaDir('captions'), { bytes: 256 * KiB }, async (disk) => {
      disk.readOnly()
      const title = `read-only disk ${uniqueSuffix()}`
      const refused = await upload('captions', caption(), { title })
      expect(refused.status).toBe(503)
      expect(refused.message).toMatch(
        /^The studio's storage is read-only at the moment, so the file cannot be saved\. Nothing was saved\./,
      )
      expect(await countTitled('captions', 'title', title)).toBe(0)
      disk.writable()
      expect(disk.contents()).toEqual([])
    })
  })

  it('should remove the files an image upload began when the disk runs out half-way', async () => {
    // Room for the upload itself, so the check before writing passes, but inodes for only two
    // of the four files (the image and three resized copies): the writes fail part-way.
    const image = await sharp(
      Buffer.from(Array.from({ length: 1600 * 900 * 3 }, (_, i) => (i * 7919) % 251)),
      { raw: { width: 1600, height: 900, channels: 3 } },
    )
      .jpeg({ quality: 70 })
      .toBuffer()
    await withSmallDisk(mediaDir('images'), { bytes: 16 * MiB, inodes: 64 }, async (disk) => {
      disk.fillInodes(2)
      const alt = `half-written ${uniqueSuffix()}`
      const refused = await upload(
        'images',
        { bytes: image, name: `disk-${uniqueSuffix()}.jpg`, type: 'image/jpeg' },
        { alt },
      )
      expect(refused.status).toBe(503)
      expect(refused.message).toMatch(
        /^The studio's storage is full, so the file cannot be saved\./,
      )
      expect(await countTitled('images', 'alt', alt)).toBe(0)
      expect(disk.contents()).toEqual([])
    })
  })
})

describe.skipIf(noSmallDisk !== null)('a full or read-only disk during a media job', () => {
  const suffix = uniqueSuffix()
  let accentId = 0

  beforeAll(async () => {
    await studio.payload.delete({
      collection: 'payload-jobs',
      where: { completedAt: { exists: false } },
    })
    const accent = await studio.payload.create({
      collection: 'accents',
      data: { label: 'Disk accent', tag: `en-GB-x-d${suffix.replace(/[^a-z0-9]/g, '').slice(-7)}` },
    })
    made.push({ collection: 'accents', id: accent.id })
    accentId = accent.id
    process.env.MEDIA_STORAGE_RETRY_SECONDS = '1'
  })

  const uploadFile = async (
    collection: 'animations' | 'voice-tracks' | 'captions',
    file: string,
    mimetype: string,
  ) => {
    const data = fs.readFileSync(file)
    const doc = await studio.payload.create({
      collection,
      data: { title: path.basename(file) },
      file: { data, mimetype, name: `${uniqueSuffix()}-${path.basename(file)}`, size: data.length },
    })
    made.push({ collection, id: doc.id })
    return doc
  }

  /** A clip whose media are uploaded (outside the small disk) and whose processing is queued. */
  async function queuedClip(seconds: number) {
    const animation = await uploadFile(
      'animations',
      fixtures.animation(`disk-${seconds}.mp4`, seconds, '320x180'),
      'video/mp4',
    )
    const voice = await uploadFile(
      'voice-tracks',
      fixtures.voice(`disk-${seconds}.m4a`, seconds),
      'audio/mp4',
    )
    const captions = await uploadFile(
      'captions',
      fixtures.text(`disk-${seconds}.vtt`, VALID_VTT),
      'text/vtt',
    )
    const clip = await studio.payload.create({
      collection: 'clips',
      data: {
        title: `Disk clip ${seconds}`,
        slug: `disk-clip-${seconds}-${suffix}`,
        animation: animation.id,
        voiceTracks: [{ accent: accentId, track: voice.id }],
        captions: [{ locale: 'en-GB', track: captions.id }],
      },
    })
    made.push({ collection: 'clips', id: clip.id })
    return clip
  }

  const runMediaJobs = () => studio.payload.jobs.run({ queue: 'media', limit: 5 })
  const processing = async (id: number) =>
    (await studio.payload.findByID({ collection: 'clips', id, depth: 0 })).processing
  const jobsOf = async (id: number) =>
    (
      await studio.payload.find({
        collection: 'payload-jobs',
        where: { concurrencyKey: { equals: `clip:${id}` } },
        sort: 'createdAt',
        pagination: false,
      })
    ).docs
  const halfWritten = (disk: SmallDisk) => disk.contents().filter((name) => name.includes('.tmp-'))

  /**
   * The job ran into the disk and finished without an error (Payload deletes finished jobs), the
   * clip says what it waits for, and one fresh job waits to try again.
   */
  async function expectWaitingForStorage(clipId: number, cause: RegExp) {
    const status = await processing(clipId)
    expect(status?.status).toBe('queued')
    expect(status?.reason).toMatch(cause)
    expect(status?.reason).toContain('Processing tries again by itself every 1 second;')
    const jobs = await jobsOf(clipId)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ hasError: false, processing: false })
    // SQLite answers a column never set with null; MongoDB leaves the field out.
    expect(jobs[0].completedAt ?? null).toBeNull()
    expect(new Date(jobs[0].waitUntil!).getTime()).toBeGreaterThan(Date.now() - 1000)
  }

  it('should wait for a read-only disk without failing the clip, and finish once it is writable', async () => {
    const clip = await queuedClip(4)
    await withSmallDisk(derivedRoot(), { bytes: 64 * MiB }, async (disk) => {
      disk.readOnly()
      await runMediaJobs()
      await expectWaitingForStorage(
        clip.id,
        /^Waiting for storage: the studio's media storage is read-only\./,
      )
      disk.writable()
      expect(disk.contents()).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 1100))
      await runMediaJobs()
      expect(await processing(clip.id)).toMatchObject({ status: 'ready', reason: null })
      expect(halfWritten(disk)).toEqual([])
    })
  })

  it('should wait for a full disk without failing the clip or leaving half-written files, and finish once there is room', async () => {
    const clip = await queuedClip(5)
    await withSmallDisk(derivedRoot(), { bytes: 64 * MiB }, async (disk) => {
      disk.fillBytes()
      await runMediaJobs()
      await expectWaitingForStorage(
        clip.id,
        /^Waiting for storage: the studio's media storage is full\./,
      )
      expect(halfWritten(disk)).toEqual([])
      disk.emptyFill()
      await new Promise((resolve) => setTimeout(resolve, 1100))
      await runMediaJobs()
      expect(await processing(clip.id)).toMatchObject({ status: 'ready', reason: null })
      expect(halfWritten(disk)).toEqual([])
    })
  })
})
