import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDir } from '../../../src/lib/config/paths'
import type { User } from '../../../src/payload-types'
import { refuseUploadWrite } from '../../../src/services/uploads/uploadPermission'
import { as } from '../helpers/payload'
import { loginToken, setUpStudio } from '../helpers/studio'
import { PASSWORD } from '../helpers/world'

type UploadCollection = 'animations' | 'voice-tracks' | 'captions' | 'images'
type Caller = 'anonymous' | 'publisher' | 'coProducer' | 'deliveryApp' | 'designer'

const studio = setUpStudio()
/** Payload's multipart parser streams files here; watched to see whether a body was read. */
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-upload-permission-'))
const seen: string[] = []
let watcher: fs.FSWatcher
let originalTempDir: string | undefined
const authorization: Partial<Record<Caller, string>> = {}
let deliveryAppId: number | string

function uploadOptions() {
  const options = studio.payload.config.upload
  if (!options?.useTempFiles) throw new Error('payload.config.ts should stream uploads')
  return options
}

beforeAll(async () => {
  const { world, payload, server } = studio
  for (const role of ['publisher', 'coProducer', 'designer'] as const) {
    authorization[role] = `JWT ${await loginToken(server.url, world.users[role].email, PASSWORD)}`
  }
  const apiKey = randomUUID()
  deliveryAppId = (
    await payload.create({
      collection: 'delivery-apps',
      data: { name: 'Upload attacker', enableAPIKey: true, apiKey },
    })
  ).id
  authorization.deliveryApp = `delivery-apps API-Key ${apiKey}`
  originalTempDir = uploadOptions().tempFileDir
  uploadOptions().tempFileDir = tempDir
  watcher = fs.watch(tempDir, (_event, name) => seen.push(String(name)))
})

afterAll(async () => {
  watcher?.close()
  if (originalTempDir === undefined) delete uploadOptions().tempFileDir
  else uploadOptions().tempFileDir = originalTempDir
  fs.rmSync(tempDir, { recursive: true, force: true })
  if (deliveryAppId !== undefined)
    await studio.payload.delete({ collection: 'delivery-apps', id: deliveryAppId })
})

/**
 * Bytes that are no media at all: if the server judged them, it would answer 400 ("not a
 * recognised media file"); a refusal on permission alone answers 401/403 without looking.
 */
const NOT_MEDIA = Buffer.from('x'.repeat(64 * 1024))

async function send(
  caller: Caller,
  method: 'POST' | 'PATCH',
  url: string,
  file: { name: string; mime: string; bytes: Buffer } = {
    name: 'attack.mp4',
    mime: 'video/mp4',
    bytes: NOT_MEDIA,
  },
) {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ title: 'attack', alt: 'attack' }))
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name)
  const auth = authorization[caller]
  const response = await fetch(`${studio.server.url}${url}`, {
    method,
    headers: auth ? { authorization: auth } : {},
    body: form,
  })
  const body = (await response.json().catch(() => ({}))) as {
    errors?: { message: string; data?: { errors?: { message: string }[] } }[]
  }
  // fs.watch reports asynchronously: give it a moment before anyone reads `seen`.
  await new Promise((resolve) => setTimeout(resolve, 100))
  const top = body.errors?.[0]
  return { status: response.status, message: top?.data?.errors?.[0]?.message ?? top?.message ?? '' }
}

const listing = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])

async function leftBehind(collection: UploadCollection) {
  return {
    count: (await studio.payload.count({ collection })).totalDocs,
    stored: listing(mediaDir(collection)),
  }
}

describe('uploads: permission before content', () => {
  const attacks: {
    caller: Exclude<Caller, 'designer'>
    method: 'POST' | 'PATCH'
    collection: UploadCollection
    route: (ids: { assigned: number }) => string
    status: 401 | 403
  }[] = [
    { caller: 'anonymous', method: 'POST', collection: 'animations', route: () => '', status: 401 },
    {
      caller: 'anonymous',
      method: 'PATCH',
      collection: 'voice-tracks',
      route: ({ assigned }) => `/${assigned}`,
      status: 401,
    },
    {
      caller: 'anonymous',
      method: 'POST',
      collection: 'images',
      route: () => '/access',
      status: 401,
    },
    { caller: 'publisher', method: 'POST', collection: 'animations', route: () => '', status: 403 },
    { caller: 'publisher', method: 'PATCH', collection: 'images', route: () => '', status: 403 },
    {
      caller: 'coProducer',
      method: 'PATCH',
      collection: 'animations',
      route: ({ assigned }) => `/${assigned}`,
      status: 403,
    },
    {
      caller: 'coProducer',
      method: 'POST',
      collection: 'captions',
      route: ({ assigned }) => `/${assigned}/duplicate`,
      status: 403,
    },
    {
      caller: 'deliveryApp',
      method: 'POST',
      collection: 'voice-tracks',
      route: () => '',
      status: 403,
    },
  ]

  it.each(attacks)(
    'should answer $status to $caller $method on $collection before reading a byte of the file',
    async ({ caller, method, collection, route, status }) => {
      const before = await leftBehind(collection)
      seen.length = 0
      const url = `/api/${collection}${route(studio.world.docs[collection])}`
      const sent = await send(caller, method, url)
      expect(sent.status, `${sent.status}: ${sent.message}`).toBe(status)
      expect(sent.message).toEqual(
        status === 401
          ? 'Sign in to the studio to upload files.'
          : expect.stringMatching(/^You are not allowed to upload /),
      )
      // Payload's parser never ran: nothing was streamed to its temp folder.
      expect(seen).toEqual([])
      expect(await leftBehind(collection)).toEqual(before)
    },
  )

  it('should still read the file of a designer, who may upload (the watch sees it)', async () => {
    const before = await leftBehind('animations')
    seen.length = 0
    const sent = await send('designer', 'POST', '/api/animations')
    // The designer's file is judged on its content: 400 naming the problem, not 401/403.
    expect(sent.status).toBe(400)
    expect(sent.message).toMatch(/not a recognised media file|not valid|really/)
    expect(seen.length).toBeGreaterThan(0)
    expect(listing(tempDir)).toEqual([])
    expect(await leftBehind('animations')).toEqual(before)
  })

  it('should refuse a Local API upload on permission before probing the file', async () => {
    const { payload, world } = studio
    for (const user of [world.users.publisher, world.users.coProducer]) {
      await expect(
        payload.create({
          collection: 'animations',
          data: { title: 'attack' },
          file: {
            data: NOT_MEDIA,
            mimetype: 'video/mp4',
            name: 'attack.mp4',
            size: NOT_MEDIA.length,
          },
          ...as(user),
        }),
      ).rejects.toMatchObject({ status: 403, message: 'You are not allowed to upload animations.' })
    }
  })

  it('should apply a row-level rule to one document: a co-producer writes only assigned clips', async () => {
    const { payload, world } = studio
    const req = await createLocalReq(
      {
        user: { ...world.users.coProducer, collection: 'users' } as User & { collection: 'users' },
      },
      payload,
    )
    const write = (id: number | string) =>
      refuseUploadWrite(req, { collection: 'clips', operation: 'update', id: String(id) })
    expect(await write(world.docs.clips.assigned)).toBeNull()
    expect(await write(world.docs.clips.unassigned)).toEqual({
      status: 403,
      message: 'You are not allowed to upload clips to this document.',
    })
    expect(await write('not-an-id')).toMatchObject({ status: 403 })
  })
})
