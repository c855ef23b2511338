import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeReleasableToolkit, type ReleasableToolkit } from './helpers/releasableToolkit'
import { loginToken, requestAs, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { MediaFixtures } from './media/helpers/fixtures'
import { LINEAGE_WRITE } from '../../src/services/writeContext'

const studio = setUpStudio()
const fixtures = new MediaFixtures()
let made: ReleasableToolkit
let token = ''
let releaseId = 0

beforeAll(async () => {
  const { payload, world } = studio
  await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  made = await makeReleasableToolkit(payload, world, fixtures)
  token = await loginToken(studio.server.url, world.users.publisher.email, PASSWORD)
  const created = await api('POST', '/api/releases', {
    toolkit: made.toolkit.id,
    version: '1.0.0',
    audiences: [made.audience.id],
    locales: ['en-GB'],
    accents: [made.accent.id],
  })
  expect(created.status).toBe(201)
  releaseId = ((await created.json()) as { doc: { id: number } }).doc.id
})

afterAll(async () => {
  await made?.remove()
  fixtures.remove()
})

const api = (method: string, url: string, body?: unknown) =>
  requestAs(studio.server.url, token, method, url, body)

interface Problem {
  code: string
  message: string
  document: { collection: string; id: string }
}

/** What preflight says, and what a publish attempt gets: refused, nothing queued or changed. */
async function expectRefused(code: string, document: { collection: string; id: number }) {
  const preflight = (await (await api('POST', `/api/releases/${releaseId}/preflight`)).json()) as {
    ok: boolean
    problems: Problem[]
  }
  expect(preflight.ok).toBe(false)
  expect(preflight.problems).toContainEqual(
    expect.objectContaining({
      code,
      document: expect.objectContaining({
        collection: document.collection,
        id: String(document.id),
      }),
    }),
  )
  const jobsBefore = await pendingBuilds(studio.payload)
  const publish = await api('POST', `/api/releases/${releaseId}/publish`)
  expect(publish.status).toBe(400)
  const body = (await publish.json()) as { errors: { message: string; data: Problem[] }[] }
  expect(body.errors[0].message).toMatch(/Preflight found \d+ problem/)
  expect(body.errors[0].data.map((p) => p.code)).toContain(code)
  expect((await studio.payload.findByID({ collection: 'releases', id: releaseId })).status).toBe(
    'draft',
  )
  expect(await pendingBuilds(studio.payload)).toBe(jobsBefore)
}

const pendingBuilds = async (payload: Payload) =>
  (
    await payload.count({
      collection: 'payload-jobs',
      where: {
        and: [{ taskSlug: { equals: 'buildRelease' } }, { completedAt: { exists: false } }],
      },
    })
  ).totalDocs

async function expectPasses() {
  const preflight = (await (await api('POST', `/api/releases/${releaseId}/preflight`)).json()) as {
    ok: boolean
    problems: Problem[]
  }
  expect(preflight.problems).toEqual([])
  expect(preflight.ok).toBe(true)
}

describe('preflight refuses a release that is not ready', () => {
  it('should pass for the ready toolkit', expectPasses)

  it('should refuse a script with a saved draft newer than its published version', async () => {
    const { payload } = studio
    const script = (
      await payload.find({ collection: 'scripts', where: { clip: { equals: made.clip.id } } })
    ).docs[0]
    await payload.update({
      collection: 'scripts',
      id: script.id,
      data: { title: 'Release script (draft title)' },
      draft: true,
    })
    await expectRefused('unpublished-draft', { collection: 'scripts', id: script.id })
    await payload.update({
      collection: 'scripts',
      id: script.id,
      data: { title: script.title, _status: 'published' },
    })
    await expectPasses()
  })

  it('should refuse captions marked stale by a script edit', async () => {
    const { payload } = studio
    const clip = await payload.findByID({ collection: 'clips', id: made.clip.id, depth: 0 })
    const rows = (clip.captions ?? []).map((row) => ({ ...row, stale: true }))
    // As a script edit after approval does it (see markRecordedMediaStale).
    const asScriptEdit = { context: LINEAGE_WRITE }
    await payload.update({
      collection: 'clips',
      id: clip.id,
      data: { captions: rows },
      ...asScriptEdit,
    })
    await expectRefused('stale-caption', { collection: 'clips', id: clip.id })
    await payload.update({
      collection: 'clips',
      id: clip.id,
      data: { captions: rows.map((row) => ({ ...row, stale: false })) },
      ...asScriptEdit,
    })
    await expectPasses()
  })

  it('should refuse captions missing for a chosen locale', async () => {
    await api('PATCH', `/api/releases/${releaseId}`, { locales: ['en-GB', 'cy'] })
    await expectRefused('missing-caption', { collection: 'clips', id: made.clip.id })
    await api('PATCH', `/api/releases/${releaseId}`, { locales: ['en-GB'] })
    await expectPasses()
  })

  it('should refuse media that is not processed yet', async () => {
    const { payload } = studio
    const clip = await payload.findByID({ collection: 'clips', id: made.clip.id, depth: 0 })
    await payload.update({
      collection: 'clips',
      id: clip.id,
      data: { processing: { ...clip.processing, status: 'processing' } },
    })
    await expectRefused('media-not-ready', { collection: 'clips', id: clip.id })
    await payload.update({
      collection: 'clips',
      id: clip.id,
      data: { processing: clip.processing },
    })
    await expectPasses()
  })

  it('should refuse a toolkit with no mandatory foundation module', async () => {
    const { payload } = studio
    const foundation = (
      await payload.find({ collection: 'modules', where: { toolkit: { equals: made.toolkit.id } } })
    ).docs[0]
    await payload.update({ collection: 'modules', id: foundation.id, data: { mandatory: false } })
    await expectRefused('no-foundation', { collection: 'toolkits', id: made.toolkit.id })
    await payload.update({ collection: 'modules', id: foundation.id, data: { mandatory: true } })
    await expectPasses()
  })

  it('should refuse an exercise with no clip for a chosen audience', async () => {
    const { payload } = studio
    const exercise = (
      await payload.find({ collection: 'exercises', where: { clip: { equals: made.clip.id } } })
    ).docs[0]
    await payload.update({ collection: 'exercises', id: exercise.id, data: { clip: null } })
    await expectRefused('no-clip', { collection: 'exercises', id: exercise.id })
    await payload.update({ collection: 'exercises', id: exercise.id, data: { clip: made.clip.id } })
    await expectPasses()
  })

  // Last: going back to approved takes a full review, which is not what this file tests.
  it('should refuse a script that is not approved, linking to it', async () => {
    const { payload } = studio
    const script = (
      await payload.find({ collection: 'scripts', where: { clip: { equals: made.clip.id } } })
    ).docs[0]
    await payload.db.updateOne({
      collection: 'scripts',
      id: script.id,
      data: { status: 'inReview' },
    })
    await expectRefused('script-not-approved', { collection: 'scripts', id: script.id })
  })
})
