import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { uniqueSuffix } from './helpers/payload'
import { lineIdsOf, ReviewFixture, type Person } from './helpers/review'
import { setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { MediaFixtures } from './media/helpers/fixtures'
import { idOf } from '../../src/domain/refs'
import { mediaDir } from '../../src/lib/config/paths'
import type { Comment, Script, User, VoiceComment } from '../../src/payload-types'

/**
 * Voice comments over the real REST API, with files made by the real ffmpeg: a recording on a
 * line becomes a comment in one request; who may record and hear it; what is refused, and that
 * a refusal leaves no document and no file; and that it goes with its comment or its author.
 */
const studio = setUpStudio()
const f = new ReviewFixture(studio)
const media = new MediaFixtures()
const extraUsers: (number | string)[] = []
let script: Script
let lineId: string

beforeAll(async () => {
  await f.setUp()
  script = await f.createScript()
  lineId = lineIdsOf(script)[1]
})

afterAll(async () => {
  await f.cleanup()
  for (const id of extraUsers)
    await studio.payload.delete({ collection: 'users', id, overrideAccess: true })
  media.remove()
})

/** What Chromium's MediaRecorder writes: Opus in WebM as a live stream, with no duration. */
const recording = (name: string, seconds: number) =>
  media.make(name, [
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=330:duration=${seconds}:sample_rate=8000`,
    '-c:a',
    'libopus',
    '-b:a',
    '12k',
    '-live',
    '1',
    '-f',
    'webm',
  ])

const webcam = () =>
  media.make('webcam.webm', [
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=10:duration=2',
    '-f',
    'lavfi',
    '-i',
    'sine=duration=2',
    '-c:v',
    'libvpx',
    '-c:a',
    'libopus',
    '-shortest',
    '-f',
    'webm',
  ])

interface Sent {
  status: number
  doc?: VoiceComment & { comment?: number | string }
  message: string
}

async function record(
  person: Person | 'anonymous',
  data: Record<string, unknown>,
  file: { path?: string; bytes?: Buffer; name?: string; type?: string } = {},
): Promise<Sent> {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  const bytes = file.bytes ?? fs.readFileSync(file.path ?? recording('short.webm', 3))
  form.append(
    'file',
    new Blob([new Uint8Array(bytes)], { type: file.type ?? 'audio/webm' }),
    file.name ?? 'voice-comment.webm',
  )
  const token = f.token(person)
  const response = await fetch(`${f.url}/api/voice-comments`, {
    method: 'POST',
    headers: token ? { authorization: `JWT ${token}` } : {},
    body: form,
  })
  const body = (await response.json().catch(() => ({}))) as {
    doc?: Sent['doc']
    errors?: { message: string; data?: { errors?: { message: string }[] } }[]
  }
  const top = body.errors?.[0]
  return {
    status: response.status,
    doc: body.doc,
    message: top?.data?.errors?.[0]?.message ?? top?.message ?? '',
  }
}

const listing = () =>
  fs.existsSync(mediaDir('voice-comments')) ? fs.readdirSync(mediaDir('voice-comments')) : []

/** What a voice comment could leave behind: recordings, comments and stored files. */
async function leftovers() {
  return {
    recordings: (await studio.payload.count({ collection: 'voice-comments' })).totalDocs,
    comments: (await studio.payload.count({ collection: 'comments' })).totalDocs,
    files: listing().sort(),
  }
}

async function fetchAs(person: Person | 'anonymous', url: string, init: RequestInit = {}) {
  const token = f.token(person)
  return fetch(`${f.url}${url}`, {
    ...init,
    headers: {
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  })
}

const commentOf = (id: number | string | undefined) =>
  studio.payload.findByID({ collection: 'comments', id: id!, depth: 0, overrideAccess: true })

describe('recording a voice comment', () => {
  it('should post it as a comment on the line, timed even without a stated duration', async () => {
    const sent = await record('coProducer', { script: script.id, lineId })
    expect(sent.status, sent.message).toBe(201)
    expect(idOf(sent.doc?.author)).toBe(f.id('coProducer'))
    expect(sent.doc?.durationMs).toBeGreaterThan(2900)
    expect(sent.doc?.durationMs).toBeLessThan(3200)
    const comment = await commentOf(sent.doc?.comment)
    expect(comment).toMatchObject({ lineId, body: '', voice: sent.doc?.id })
    expect(comment.author).toBe(f.id('coProducer'))
    expect(comment.quotedText).toBe('Sit down and tell me what happened.')

    const review = await f.reviewState('designer', script.id)
    const shown = (review.json as unknown as { comments: Record<string, unknown>[] }).comments.find(
      (c) => c.id === comment.id,
    )
    expect(shown).toMatchObject({
      author: f.people.coProducer.displayName,
      voice: { url: sent.doc?.url, durationMs: sent.doc?.durationMs },
    })
    const file = await fetchAs('designer', sent.doc!.url!)
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 4)).toEqual(
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3]),
    )
  })

  it('should keep a typed note as the words of the comment', async () => {
    const sent = await record('designer', {
      script: script.id,
      lineId,
      note: '  Listen to how Sam says it.  ',
    })
    expect(sent.status, sent.message).toBe(201)
    expect((await commentOf(sent.doc?.comment)).body).toBe('Listen to how Sam says it.')
  })

  it('should keep every one of several recordings sent at once, each in its own file', async () => {
    const sent = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        record(i % 2 ? 'designer' : 'coProducer', {
          script: script.id,
          lineId,
          note: `at once ${i}`,
        }),
      ),
    )
    expect(sent.map((s) => `${s.status} ${s.message}`)).toEqual(Array(4).fill('201 '))
    const files = sent.map((s) => s.doc!.filename!)
    expect(new Set(files).size).toBe(4)
    for (const file of files) expect(file).toMatch(/^voice-[0-9a-f-]{36}\.webm$/)
    for (const s of sent) {
      const stored = fs.readFileSync(path.join(mediaDir('voice-comments'), s.doc!.filename!))
      expect(stored.length).toBe(s.doc!.filesize)
      expect((await commentOf(s.doc?.comment)).voice).toBe(s.doc!.id)
    }
  })

  it('should accept a recording on the whole script', async () => {
    const sent = await record('coProducer', { script: script.id })
    expect(sent.status, sent.message).toBe(201)
    expect((await commentOf(sent.doc?.comment)).lineId ?? null).toBeNull()
  })
})

describe('a refused recording', () => {
  const cases: {
    name: string
    person: Person | 'anonymous'
    data: () => Record<string, unknown>
    file?: () => Parameters<typeof record>[2]
    status: number
    message: RegExp
  }[] = [
    {
      name: 'one with a picture',
      person: 'coProducer',
      data: () => ({ script: script.id, lineId }),
      file: () => ({ path: webcam(), type: 'video/webm' }),
      status: 400,
      message: /picture as well as sound.*sound only/,
    },
    {
      name: 'one over ten minutes',
      person: 'coProducer',
      data: () => ({ script: script.id, lineId }),
      file: () => ({ path: recording('long.webm', 601) }),
      status: 400,
      message: /10 min 1 s long; a voice comment can be at most 10 min/,
    },
    {
      name: 'bytes that are no recording',
      person: 'coProducer',
      data: () => ({ script: script.id, lineId }),
      file: () => ({
        bytes: Buffer.from('not a recording at all, just words'),
        type: 'audio/webm',
      }),
      status: 400,
      message: /not a sound recording|not a recognised media file/,
    },
    {
      name: 'a cut-off recording',
      person: 'coProducer',
      data: () => ({ script: script.id, lineId }),
      file: () => ({ bytes: fs.readFileSync(recording('short.webm', 3)).subarray(0, 60) }),
      status: 400,
      message: /damaged or incomplete|no sound|zero duration/,
    },
    {
      name: 'a line that is not in the script',
      person: 'coProducer',
      data: () => ({ script: script.id, lineId: 'no-such-line' }),
      status: 400,
      message: /Line no-such-line is not in this script/,
    },
    {
      name: 'a script the co-producer is not on',
      person: 'otherCoProducer',
      data: () => ({ script: script.id, lineId }),
      status: 404,
      message: /was not found/,
    },
    {
      name: 'a publisher',
      person: 'publisher',
      data: () => ({ script: script.id, lineId }),
      status: 403,
      message: /not allowed to upload voice comments/,
    },
    {
      name: 'someone signed out',
      person: 'anonymous',
      data: () => ({ script: script.id, lineId }),
      status: 401,
      message: /Sign in/,
    },
    {
      name: 'a script id of the wrong type',
      person: 'coProducer',
      data: () => ({ script: { in: [script.id] }, lineId }),
      status: 400,
      message: /./,
    },
    {
      name: 'no script',
      person: 'coProducer',
      data: () => ({ lineId }),
      status: 400,
      message: /script/i,
    },
  ]

  for (const c of cases) {
    it(`should refuse ${c.name} with ${c.status} and leave nothing behind`, async () => {
      const before = await leftovers()
      const sent = await record(c.person, c.data(), c.file?.())
      expect(sent.status, sent.message).toBe(c.status)
      expect(sent.message).toMatch(c.message)
      expect(await leftovers()).toEqual(before)
    })
  }

  it('should refuse a typed comment that points at a recording, or has no words', async () => {
    const mine = await record('coProducer', { script: script.id, lineId })
    const pointing = await f.comment('designer', {
      script: script.id,
      body: 'Borrowing a voice',
      voice: mine.doc?.id,
    } as never)
    expect(pointing.status).toBe(201)
    expect((await commentOf(pointing.json?.doc?.id)).voice ?? null).toBeNull()
    const empty = await f.comment('designer', { script: script.id, body: '   ' })
    expect(empty.status).toBe(400)
    expect(JSON.stringify(empty.json)).toMatch(/Write a comment, or record one/)
  })
})

describe('who hears a voice comment', () => {
  let doc: NonNullable<Sent['doc']>

  beforeAll(async () => {
    const sent = await record('coProducer', { script: script.id, lineId, note: 'heard by few' })
    expect(sent.status, sent.message).toBe(201)
    doc = sent.doc!
  })

  it('should let the people on the script play it, and nobody else', async () => {
    for (const person of ['admin', 'designer', 'coProducer'] as const) {
      expect((await fetchAs(person, doc.url!)).status, person).toBe(200)
      expect((await fetchAs(person, `/api/voice-comments/${doc.id}`)).status, person).toBe(200)
    }
    for (const person of ['otherCoProducer', 'publisher', 'anonymous'] as const) {
      expect([401, 403, 404], person).toContain((await fetchAs(person, doc.url!)).status)
      expect([401, 403, 404], person).toContain(
        (await fetchAs(person, `/api/voice-comments/${doc.id}`)).status,
      )
      const listed = await fetchAs(person, `/api/voice-comments?limit=100&depth=0`)
      const docs = listed.ok ? ((await listed.json()) as { docs: VoiceComment[] }).docs : []
      expect(docs.map((d) => d.id)).not.toContain(doc.id)
    }
  })

  it('should not reach others through a comment, whatever depth or select asks', async () => {
    const queries = [
      `/api/comments/${doc.comment}?depth=2`,
      `/api/comments?where[voice][exists]=true&depth=3`,
      `/api/comments?select[voice]=true&depth=1&populate[voice-comments][url]=true`,
    ]
    for (const url of queries) {
      for (const person of ['otherCoProducer', 'publisher'] as const) {
        const text = await (await fetchAs(person, url)).text()
        expect(text, `${person} ${url}`).not.toContain(doc.filename!)
      }
    }
  })

  it('should not be changed by anyone, even its author', async () => {
    for (const person of ['coProducer', 'admin'] as const) {
      const answer = await fetchAs(person, `/api/voice-comments/${doc.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ lineId: lineIdsOf(script)[0] }),
      })
      expect(answer.status, person).toBe(403)
      const removed = await fetchAs(person, `/api/voice-comments/${doc.id}`, { method: 'DELETE' })
      expect(removed.status, person).toBe(403)
    }
    const stored = await studio.payload.findByID({ collection: 'voice-comments', id: doc.id })
    expect(stored.lineId).toBe(lineId)
  })
})

describe('a voice comment goes', () => {
  it('with its comment, file and all', async () => {
    const sent = await record('coProducer', { script: script.id, lineId })
    const file = sent.doc!.filename!
    expect(listing()).toContain(file)
    const removed = await fetchAs('coProducer', `/api/comments/${sent.doc?.comment}`, {
      method: 'DELETE',
    })
    expect(removed.status).toBe(200)
    expect(
      (
        await studio.payload.count({
          collection: 'voice-comments',
          where: { id: { equals: sent.doc!.id } },
        })
      ).totalDocs,
    ).toBe(0)
    expect(listing()).not.toContain(file)
  })

  it('with its script, comments and files and all', async () => {
    const doomed = await f.createScript()
    const sent = await record('coProducer', { script: doomed.id })
    expect(sent.status, sent.message).toBe(201)
    const typed = await f.comment('designer', { script: doomed.id, body: 'About to go' })
    expect(typed.status).toBe(201)
    const removed = await fetchAs('designer', `/api/scripts/${doomed.id}`, { method: 'DELETE' })
    expect(removed.status, await removed.text()).toBe(200)
    for (const collection of ['voice-comments', 'comments'] as const) {
      const left = await studio.payload.count({
        collection,
        where: { script: { equals: doomed.id } },
      })
      expect(left.totalDocs, collection).toBe(0)
    }
    expect(listing()).not.toContain(sent.doc!.filename)
  })

  it('with its author when an admin erases their personal details', async () => {
    const suffix = uniqueSuffix()
    const person: User = await studio.payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        email: `voice-${suffix}@test.example`,
        password: PASSWORD,
        role: 'coProducer',
        displayName: `Robin ${suffix}`,
        pseudonym: `Robin ${suffix}`,
        realName: `Robin Real ${suffix}`,
      },
    })
    extraUsers.push(person.id)
    const theirs = await f.createScript({ assignedCoProducers: [person.id] })
    const token = await (
      await fetch(`${f.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: person.email, password: PASSWORD }),
      })
    ).json()
    const send = async (note?: string) => {
      const form = new FormData()
      form.append('_payload', JSON.stringify({ script: theirs.id, note }))
      form.append(
        'file',
        new Blob([new Uint8Array(fs.readFileSync(recording('short.webm', 3)))], {
          type: 'audio/webm',
        }),
        'voice-comment.webm',
      )
      const response = await fetch(`${f.url}/api/voice-comments`, {
        method: 'POST',
        headers: { authorization: `JWT ${(token as { token: string }).token}` },
        body: form,
      })
      expect(response.status).toBe(201)
      return ((await response.json()) as { doc: NonNullable<Sent['doc']> }).doc
    }
    const spoken = await send()
    const withWords = await send('Keep this thought')

    const erased = await f.request('admin', 'POST', `/api/users/${person.id}/erase`, {
      pseudonym: person.pseudonym,
    })
    expect(erased.status, JSON.stringify(erased.json)).toBe(200)

    const recordings = await studio.payload.count({
      collection: 'voice-comments',
      where: { author: { equals: person.id } },
    })
    expect(recordings.totalDocs).toBe(0)
    expect(listing()).not.toContain(spoken.filename)
    expect(listing()).not.toContain(withWords.filename)
    const left = await studio.payload.find({
      collection: 'comments',
      where: { id: { in: [spoken.comment!, withWords.comment!] } },
      depth: 0,
      overrideAccess: true,
    })
    expect(left.docs.map((c: Comment) => [c.body, c.voice ?? null])).toEqual([
      ['Keep this thought', null],
    ])
    // The review still opens for the people on the script.
    expect((await f.reviewState('designer', theirs.id)).status).toBe(200)
  })
})
