import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  lineIdsOf,
  lineOf,
  messageOf,
  ReviewFixture,
  scriptContentHash,
  type DiffBody,
  type Person,
  type ReviewSnapshot,
} from './helpers/review'
import { setUpStudio } from './helpers/studio'
import type { Comment, Script } from '../../src/payload-types'

const studio = setUpStudio()
const f = new ReviewFixture(studio)

beforeAll(async () => {
  await f.setUp()
})

afterAll(async () => {
  await f.cleanup()
})

const HARD_LINE =
  'Notwithstanding the aforementioned considerations, institutional accountability necessitates comprehensive evaluation.'

const idOf = (ref: unknown): string =>
  String(typeof ref === 'object' && ref ? (ref as { id: number }).id : ref)

/** A refused request leaves the script exactly as it was. */
async function expectUnchanged(scriptId: number, before: ReviewSnapshot) {
  expect(await f.snapshot(scriptId)).toEqual(before)
}

/** Runs the request, expects the status, and checks the script did not change. */
async function expectRefused(
  scriptId: number,
  expectedStatus: number | number[],
  attempt: () => Promise<{ status: number; json: unknown; text: string }>,
) {
  const before = await f.snapshot(scriptId)
  const result = await attempt()
  const allowed = Array.isArray(expectedStatus) ? expectedStatus : [expectedStatus]
  expect(allowed, `status ${result.status}: ${messageOf(result)}`).toContain(result.status)
  await expectUnchanged(scriptId, before)
  return result
}

describe('co-production review workflow', () => {
  it('should take a script from draft through changes requested to approval by a co-producer and a designer', async () => {
    const script = await f.createScript()
    const lineIds = lineIdsOf(script)
    const lineId = lineIds[1]
    const oldText = lineOf(script, lineId).text
    const newText = 'Take a seat. What happened this morning?'

    await f.reviewOk('designer', script.id, 'submit', 'inReview', [
      f.id('coProducer'),
      f.id('designer'),
    ])
    expect((await f.storedScript(script.id)).status).toBe('inReview')
    const firstReviewedVersion = (await f.storedScript(script.id)).reviewedVersionId

    const comment = await f.comment('coProducer', {
      script: script.id,
      lineId,
      body: 'Nobody I know would say it like this.',
    })
    expect(comment.status, messageOf(comment)).toBe(201)
    expect(comment.json.doc).toMatchObject({ lineId, quotedText: oldText, quotedSpeaker: 'Sam' })
    expect(idOf(comment.json.doc.author)).toBe(String(f.id('coProducer')))

    await f.reviewOk('coProducer', script.id, 'requestChanges', 'changesRequested')
    expect((await f.storedScript(script.id)).status).toBe('changesRequested')

    await f.reviewOk('designer', script.id, 'returnToDraft', 'draft')

    const edited = await f.editLine('designer', script.id, lineId, newText)
    expect(edited.status, messageOf(edited)).toBe(200)
    const afterEdit = await f.storedScript(script.id)
    expect(afterEdit.status).toBe('draft')
    expect(lineIdsOf(afterEdit)).toEqual(lineIds)
    expect(lineOf(afterEdit, lineId).text).toBe(newText)

    await f.reviewOk('designer', script.id, 'submit', 'inReview', [
      f.id('coProducer'),
      f.id('designer'),
    ])

    await f.reviewOk('coProducer', script.id, 'approve', 'inReview')
    const halfway = await f.storedScript(script.id)
    expect(halfway.status).toBe('inReview')
    expect(halfway.approvals).toHaveLength(1)
    expect(idOf(halfway.approvals?.[0].user)).toBe(String(f.id('coProducer')))

    await f.reviewOk('designer', script.id, 'approve', 'approved')
    const approved = await f.storedScript(script.id)
    expect(approved.status).toBe('approved')
    expect(lineOf(approved, lineId).text).toBe(newText)

    const hash = scriptContentHash(approved)
    expect(approved.reviewedVersionId).toBeTruthy()
    expect(approved.reviewedVersionId).not.toBe(firstReviewedVersion)
    expect(approved.approvedContentHash).toBe(hash)
    expect(
      (approved.approvals ?? []).map((a) => ({
        user: idOf(a.user),
        role: a.role,
        versionId: a.versionId,
        contentHash: a.contentHash,
      })),
    ).toEqual([
      {
        user: String(f.id('coProducer')),
        role: 'coProducer',
        versionId: approved.reviewedVersionId,
        contentHash: hash,
      },
      {
        user: String(f.id('designer')),
        role: 'designer',
        versionId: approved.reviewedVersionId,
        contentHash: hash,
      },
    ])

    // The version the approvals name holds the words that were approved.
    const reviewedVersion = await f.payload.findVersionByID({
      collection: 'scripts',
      id: String(approved.reviewedVersionId),
      depth: 0,
      overrideAccess: true,
    })
    expect(String(reviewedVersion.parent)).toBe(String(script.id))
    expect(lineOf(reviewedVersion.version as Script, lineId).text).toBe(newText)

    const state = await f.reviewState('designer', script.id)
    expect(state.status, messageOf(state)).toBe(200)
    expect(state.json.script.status).toBe('approved')
    expect(state.json.approvals.map((a) => a.current)).toEqual([true, true])
    const shown = state.json.comments.find((c) => c.id === comment.json.doc.id)
    expect(shown).toMatchObject({
      lineId,
      body: 'Nobody I know would say it like this.',
      quotedText: oldText,
      lineChanged: true,
    })
  })

  describe('refused actions leave the script unchanged', () => {
    const everyAction = ['submit', 'approve', 'requestChanges', 'returnToDraft'] as const

    it('should refuse every review action to a publisher with 403', async () => {
      const draft = await f.createScript()
      const inReview = await f.createScript()
      await f.submit(inReview.id)
      const changes = await f.createScript()
      await f.submit(changes.id)
      await f.reviewOk('coProducer', changes.id, 'requestChanges', 'changesRequested')

      const cases: [number, (typeof everyAction)[number]][] = [
        [draft.id, 'submit'],
        [inReview.id, 'approve'],
        [inReview.id, 'requestChanges'],
        [changes.id, 'returnToDraft'],
      ]
      for (const [id, action] of cases) {
        const reviewers = action === 'submit' ? [f.id('coProducer'), f.id('designer')] : undefined
        await expectRefused(id, 403, () => f.review('publisher', id, action, reviewers))
      }
    })

    it('should answer 404 to a co-producer who is not assigned to the script', async () => {
      const draft = await f.createScript()
      const inReview = await f.createScript()
      await f.submit(inReview.id)
      for (const action of everyAction) {
        const id = action === 'submit' ? draft.id : inReview.id
        const reviewers =
          action === 'submit' ? [f.id('otherCoProducer'), f.id('designer')] : undefined
        await expectRefused(id, 404, () => f.review('otherCoProducer', id, action, reviewers))
      }
    })

    it('should refuse approval by an assigned co-producer who is not a reviewer with 403', async () => {
      const script = await f.createScript({
        assignedCoProducers: [f.id('coProducer'), f.id('thirdCoProducer')],
      })
      await f.submit(script.id, [f.id('thirdCoProducer'), f.id('designer')])
      const result = await expectRefused(script.id, 403, () =>
        f.review('coProducer', script.id, 'approve'),
      )
      expect(messageOf(result)).toMatch(/reviewer/i)
    })

    // Beyond the brief: a reviewer named at submit must be able to act, or the submit refused.
    it('should accept only reviewers who can see the script, so the review can finish', async () => {
      const script = await f.createScript()
      const submit = await f.review('designer', script.id, 'submit', [
        f.id('otherCoProducer'),
        f.id('designer'),
      ])
      if (submit.status === 200) {
        const approve = await f.review('otherCoProducer', script.id, 'approve')
        expect(approve.status, `the named reviewer cannot approve: ${messageOf(approve)}`).toBe(200)
      } else {
        expect(submit.status, messageOf(submit)).toBe(400)
      }
    })

    it('should refuse a second approval of the same version with 400', async () => {
      const script = await f.createScript()
      await f.submit(script.id)
      await f.reviewOk('designer', script.id, 'approve', 'inReview')
      await expectRefused(script.id, 400, () => f.review('designer', script.id, 'approve'))
      expect((await f.storedScript(script.id)).approvals).toHaveLength(1)
    })

    it('should refuse a submit without a designer or admin reviewer with 400 naming designers', async () => {
      const script = await f.createScript()
      const result = await expectRefused(script.id, 400, () =>
        f.review('designer', script.id, 'submit', [f.id('coProducer')]),
      )
      expect(messageOf(result)).toMatch(/designer/i)
    })

    it('should refuse a submit without a co-producer reviewer with 400', async () => {
      const script = await f.createScript()
      const result = await expectRefused(script.id, 400, () =>
        f.review('designer', script.id, 'submit', [f.id('designer')]),
      )
      expect(messageOf(result)).toMatch(/co-producer/i)
    })

    it('should refuse a submit of a script already in review with 400', async () => {
      const script = await f.createScript()
      await f.submit(script.id)
      await expectRefused(script.id, 400, () =>
        f.review('designer', script.id, 'submit', [f.id('coProducer'), f.id('designer')]),
      )
    })

    it('should refuse a request for changes on a draft with 400', async () => {
      const script = await f.createScript()
      await expectRefused(script.id, 400, () => f.review('designer', script.id, 'requestChanges'))
    })

    it('should refuse returning a script in review to draft with 400', async () => {
      const script = await f.createScript()
      await f.submit(script.id)
      await expectRefused(script.id, 400, () => f.review('designer', script.id, 'returnToDraft'))
    })

    it('should refuse an unknown action with 400', async () => {
      const script = await f.createScript()
      const result = await expectRefused(script.id, 400, () =>
        f.review('designer', script.id, 'publish'),
      )
      expect(messageOf(result)).toMatch(
        /"action" must be one of submit, approve, requestChanges, returnToDraft; got "publish"/,
      )
    })

    it('should refuse an anonymous review action with 401', async () => {
      const script = await f.createScript()
      await expectRefused(script.id, 401, () =>
        f.review('anonymous', script.id, 'submit', [f.id('coProducer'), f.id('designer')]),
      )
    })

    it('should refuse a designer setting status approved by PATCH with 400', async () => {
      const script = await f.createScript()
      await expectRefused(script.id, 400, () =>
        f.request('designer', 'PATCH', `/api/scripts/${script.id}`, { status: 'approved' }),
      )
    })

    it('should refuse a designer moving a draft to inReview by PATCH with 400', async () => {
      const script = await f.createScript()
      await expectRefused(script.id, 400, () =>
        f.request('designer', 'PATCH', `/api/scripts/${script.id}`, { status: 'inReview' }),
      )
    })

    it('should refuse a designer editing the text of a script in review with 400', async () => {
      const script = await f.createScript()
      await f.submit(script.id)
      const lineId = lineIdsOf(script)[0]
      await expectRefused(script.id, 400, () =>
        f.editLine('designer', script.id, lineId, 'Sorry, the bus was late.'),
      )
      expect(lineOf(await f.storedScript(script.id), lineId).text).toBe(lineOf(script, lineId).text)
    })

    it('should refuse a co-producer PATCH of an approved script with 403', async () => {
      const script = await f.createScript()
      await f.approve(script.id)
      const lineId = lineIdsOf(script)[0]
      await expectRefused(script.id, 403, () =>
        f.editLine('coProducer', script.id, lineId, 'Sorry, the bus was late.'),
      )
    })

    it('should refuse a co-producer PATCH of a script in review with 403', async () => {
      const script = await f.createScript()
      await f.submit(script.id)
      const lineId = lineIdsOf(script)[0]
      await expectRefused(script.id, 403, () =>
        f.editLine('coProducer', script.id, lineId, 'Sorry, the bus was late.'),
      )
    })

    it('should refuse a GraphQL status change to approved by a designer', async () => {
      const script = await f.createScript()
      const result = await expectRefused(script.id, [200, 400], () =>
        f.request<{ data?: { updateScript: unknown }; errors?: { message: string }[] }>(
          'designer',
          'POST',
          '/api/graphql',
          {
            query: `mutation { updateScript(id: ${JSON.stringify(script.id)}, data: { status: approved }) { status } }`,
          },
        ),
      )
      const body = result.json as {
        data?: { updateScript: unknown }
        errors?: { extensions?: { statusCode?: number } }[]
      }
      expect(body.errors?.length ?? 0, result.text).toBeGreaterThan(0)
      // Refused by the review rules (a 400), not by the GraphQL schema.
      expect(body.errors?.[0].extensions?.statusCode, result.text).toBe(400)
      expect(body.data?.updateScript ?? null).toBeNull()
    })

    it('should refuse a Local API status change to approved by a designer with 400', async () => {
      const script = await f.createScript()
      const before = await f.snapshot(script.id)
      const error = await f.payload
        .update({
          collection: 'scripts',
          id: script.id,
          data: { status: 'approved' },
          overrideAccess: false,
          user: f.people.designer,
        })
        .then(
          () => null,
          (e: unknown) => e as { status?: number; message?: string },
        )
      expect(error, 'the update should throw').not.toBeNull()
      expect(error?.status, error?.message).toBe(400)
      await expectUnchanged(script.id, before)
    })
  })

  describe('media recorded from approved text', () => {
    /** A clip whose only script is fresh, with a voice track and a caption row stamped from it. */
    async function clipWithRecordings() {
      const clip = await f.createClip()
      const script = await f.createScript({ clip: clip.id })
      const added = await f.request('designer', 'PATCH', `/api/clips/${clip.id}`, {
        voiceTracks: [
          { accent: f.world.docs.accents.assigned, track: f.world.docs['voice-tracks'].assigned },
        ],
        captions: [{ locale: 'en-GB', track: f.world.docs.captions.assigned }],
      })
      expect(added.status, messageOf(added)).toBe(200)
      const stamped = await f.storedClip(clip.id)
      expect(stamped.voiceTracks).toHaveLength(1)
      expect(stamped.captions).toHaveLength(1)
      const hash = scriptContentHash(script)
      expect(stamped.voiceTracks?.[0]).toMatchObject({ recordedFrom: hash, stale: false })
      expect(stamped.captions?.[0]).toMatchObject({ recordedFrom: hash, stale: false })
      expect(stamped.hasStaleMedia).toBe(false)
      return {
        clip,
        script,
        voiceRowId: String(stamped.voiceTracks?.[0].id),
        captionRowId: String(stamped.captions?.[0].id),
      }
    }

    it('should reopen an approved script edited by a designer and mark its recordings stale until confirmed or replaced', async () => {
      const { clip, script, voiceRowId, captionRowId } = await clipWithRecordings()
      await f.approve(script.id)
      const lineId = lineIdsOf(script)[0]

      const edited = await f.editLine('designer', script.id, lineId, 'Sorry. The bus was late.')
      expect(edited.status, messageOf(edited)).toBe(200)
      const reopened = await f.storedScript(script.id)
      expect(reopened.status).toBe('draft')
      expect(reopened.approvals).toEqual([])

      const stale = await f.storedClip(clip.id)
      for (const row of [stale.voiceTracks?.[0], stale.captions?.[0]]) {
        expect(row?.stale).toBe(true)
        expect(row?.staleReason).toEqual(expect.stringMatching(/\S/))
      }
      expect(stale.hasStaleMedia).toBe(true)

      const confirmed = await f.request('designer', 'POST', `/api/clips/${clip.id}/confirm-media`, {
        rowId: voiceRowId,
      })
      expect(confirmed.status, messageOf(confirmed)).toBe(200)
      const afterConfirm = await f.storedClip(clip.id)
      expect(afterConfirm.voiceTracks?.[0]).toMatchObject({ stale: false })
      expect(afterConfirm.voiceTracks?.[0].staleReason ?? null).toBeNull()
      expect(afterConfirm.captions?.[0].stale).toBe(true)
      expect(afterConfirm.hasStaleMedia).toBe(true)

      const byCoProducer = await f.request(
        'coProducer',
        'POST',
        `/api/clips/${clip.id}/confirm-media`,
        { rowId: captionRowId },
      )
      expect(byCoProducer.status, messageOf(byCoProducer)).toBe(403)
      expect((await f.storedClip(clip.id)).captions?.[0].stale).toBe(true)

      const newCaption = await f.createCaptionFile()
      const replaced = await f.request('designer', 'PATCH', `/api/clips/${clip.id}`, {
        captions: [{ id: captionRowId, locale: 'en-GB', track: newCaption }],
      })
      expect(replaced.status, messageOf(replaced)).toBe(200)
      const fresh = await f.storedClip(clip.id)
      expect(idOf(fresh.captions?.[0].track)).toBe(String(newCaption))
      expect(fresh.captions?.[0].stale).toBe(false)
      expect(fresh.voiceTracks?.[0].stale).toBe(false)
      expect(fresh.hasStaleMedia).toBe(false)
    })

    // Beyond the brief: a confirmed or replaced recording must be tied to the words it now
    // matches, so the next edit of those words (once approved again) flags it again.
    it('should mark a confirmed or replaced recording stale again when its re-approved text is edited', async () => {
      const { clip, script, voiceRowId, captionRowId } = await clipWithRecordings()
      await f.approve(script.id)
      const lineId = lineIdsOf(script)[0]

      const edited = await f.editLine('designer', script.id, lineId, 'Sorry. The bus was late.')
      expect(edited.status, messageOf(edited)).toBe(200)
      const confirmed = await f.request('designer', 'POST', `/api/clips/${clip.id}/confirm-media`, {
        rowId: voiceRowId,
      })
      expect(confirmed.status, messageOf(confirmed)).toBe(200)
      const newCaption = await f.createCaptionFile()
      const replaced = await f.request('designer', 'PATCH', `/api/clips/${clip.id}`, {
        captions: [{ id: captionRowId, locale: 'en-GB', track: newCaption }],
      })
      expect(replaced.status, messageOf(replaced)).toBe(200)

      // Both now match the edited words, so that text is their source.
      const current = scriptContentHash(await f.storedScript(script.id))
      const matched = await f.storedClip(clip.id)
      expect
        .soft(matched.voiceTracks?.[0].recordedFrom, 'confirmed voice track source')
        .toBe(current)
      expect.soft(matched.captions?.[0].recordedFrom, 'replaced caption source').toBe(current)
      expect(matched.hasStaleMedia).toBe(false)

      await f.approve(script.id)
      const again = await f.editLine('designer', script.id, lineId, 'I missed the bus.')
      expect(again.status, messageOf(again)).toBe(200)
      const stale = await f.storedClip(clip.id)
      expect(stale.voiceTracks?.[0].stale, 'confirmed voice track').toBe(true)
      expect(stale.captions?.[0].stale, 'replaced caption').toBe(true)
      expect(stale.hasStaleMedia).toBe(true)
    })
  })

  describe('comments', () => {
    const commentsPath = (scriptId: number) =>
      `/api/comments?where[script][equals]=${scriptId}&depth=0`

    it('should let only people working on the script read its comments', async () => {
      const script = await f.createScript()
      const posted = await f.comment('coProducer', {
        script: script.id,
        lineId: lineIdsOf(script)[0],
        body: 'I like this line.',
      })
      expect(posted.status, messageOf(posted)).toBe(201)

      for (const person of ['coProducer', 'designer', 'admin'] as const) {
        const result = await f.request<{ docs: Comment[] }>(person, 'GET', commentsPath(script.id))
        expect(result.status, `${person}: ${messageOf(result)}`).toBe(200)
        expect(
          result.json.docs.map((c) => c.id),
          person,
        ).toContain(posted.json.doc.id)
      }
      const publisher = await f.request('publisher', 'GET', commentsPath(script.id))
      expect(publisher.status).toBe(403)
      const other = await f.request<{ docs: Comment[] }>(
        'otherCoProducer',
        'GET',
        commentsPath(script.id),
      )
      expect(other.status).toBe(200)
      expect(other.json.docs).toHaveLength(0)
      const anonymous = await f.request('anonymous', 'GET', commentsPath(script.id))
      expect(anonymous.status).toBe(403)
    })

    it('should refuse a comment from a co-producer who is not assigned to the script', async () => {
      const script = await f.createScript()
      const result = await f.comment('otherCoProducer', {
        script: script.id,
        lineId: lineIdsOf(script)[0],
        body: 'Let me in.',
      })
      expect([403, 404], messageOf(result)).toContain(result.status)
      const stored = await f.payload.count({
        collection: 'comments',
        where: { script: { equals: script.id } },
        overrideAccess: true,
      })
      expect(stored.totalDocs).toBe(0)
    })

    it('should refuse a comment on a line that is not in the script with 400', async () => {
      const script = await f.createScript()
      const result = await f.comment('designer', {
        script: script.id,
        lineId: 'l-notthere',
        body: 'Where is this?',
      })
      expect(result.status, messageOf(result)).toBe(400)
    })

    it('should give a reply the line of the comment it answers', async () => {
      const script = await f.createScript()
      const lineId = lineIdsOf(script)[2]
      const first = await f.comment('coProducer', {
        script: script.id,
        lineId,
        body: 'Too formal?',
      })
      expect(first.status, messageOf(first)).toBe(201)
      const reply = await f.comment('designer', {
        script: script.id,
        parent: first.json.doc.id,
        body: 'Agreed, I will change it.',
      })
      expect(reply.status, messageOf(reply)).toBe(201)
      expect(reply.json.doc.lineId).toBe(lineId)
      expect(reply.json.doc.quotedText).toBe(lineOf(script, lineId).text)
      expect(idOf(reply.json.doc.parent)).toBe(String(first.json.doc.id))
    })

    it('should let only the author change the words of a comment, and anyone with access resolve it', async () => {
      const script = await f.createScript()
      const posted = await f.comment('designer', {
        script: script.id,
        lineId: lineIdsOf(script)[1],
        body: 'Shorter?',
      })
      expect(posted.status, messageOf(posted)).toBe(201)
      const id = posted.json.doc.id
      const path = `/api/comments/${id}`

      for (const person of ['secondDesigner', 'coProducer'] as const) {
        const refused = await f.request(person, 'PATCH', path, { body: `Rewritten by ${person}` })
        expect(refused.status, `${person}: ${messageOf(refused)}`).toBe(403)
        expect((await f.storedComment(id)).body).toBe('Shorter?')
      }

      const byAuthor = await f.request('designer', 'PATCH', path, { body: 'Much shorter?' })
      expect(byAuthor.status, messageOf(byAuthor)).toBe(200)
      expect((await f.storedComment(id)).body).toBe('Much shorter?')

      const resolved = await f.request('coProducer', 'PATCH', path, { resolved: true })
      expect(resolved.status, messageOf(resolved)).toBe(200)
      const stored = await f.storedComment(id)
      expect(stored.resolved).toBe(true)
      expect(idOf(stored.resolvedBy)).toBe(String(f.id('coProducer')))
      expect(stored.body).toBe('Much shorter?')
    })

    // Beyond the brief: anchorComment says later edits may change only the body and resolved.
    it('should keep a comment on its script and line when it is edited', async () => {
      const script = await f.createScript()
      const [first, second] = lineIdsOf(script)
      const posted = await f.comment('coProducer', {
        script: script.id,
        lineId: first,
        body: 'Hmm.',
      })
      expect(posted.status, messageOf(posted)).toBe(201)
      const path = `/api/comments/${posted.json.doc.id}`

      await f.request('coProducer', 'PATCH', path, { lineId: second })
      await f.request('coProducer', 'PATCH', path, { script: f.world.docs.scripts.unassigned })

      const stored = await f.storedComment(posted.json.doc.id)
      expect({
        script: idOf(stored.script),
        lineId: stored.lineId,
        quotedText: stored.quotedText,
      }).toEqual({
        script: String(script.id),
        lineId: first,
        quotedText: lineOf(script, first).text,
      })
    })
  })

  it("should never send a co-producer's real name or email to designers, publishers or other co-producers", async () => {
    const script = await f.createScript()
    const lineId = lineIdsOf(script)[0]
    const posted = await f.comment('coProducer', { script: script.id, lineId, body: 'Real talk.' })
    expect(posted.status, messageOf(posted)).toBe(201)
    await f.submit(script.id)
    await f.reviewOk('coProducer', script.id, 'approve', 'inReview')

    const { realName, email, pseudonym } = f.people.coProducer
    expect(realName).toBeTruthy()
    expect(pseudonym).toBeTruthy()

    const viewers: Person[] = ['designer', 'publisher', 'otherCoProducer']
    for (const viewer of viewers) {
      const responses = {
        review: await f.reviewState(viewer, script.id),
        comments: await f.request(
          viewer,
          'GET',
          `/api/comments?where[script][equals]=${script.id}&depth=2`,
        ),
        script: await f.getScript(viewer, script.id, 2),
      }
      for (const [what, response] of Object.entries(responses)) {
        expect(response.status, `${viewer} ${what}`).toBeLessThan(500)
        if (viewer === 'designer') expect(response.status, `${viewer} ${what}`).toBe(200)
        expect(response.text, `${viewer} ${what} shows the real name`).not.toContain(realName)
        expect(response.text, `${viewer} ${what} shows the email`).not.toContain(email)
      }
    }

    const state = await f.reviewState('designer', script.id)
    expect(state.status, messageOf(state)).toBe(200)
    const shown = state.json.comments.find((c) => c.id === posted.json.doc.id)
    expect(shown?.author).toBe(pseudonym)
    expect(state.json.approvals[0].displayName).toBe(pseudonym)
  })

  // Beyond the brief: a filter on a hidden field tells whoever runs it what the field holds.
  it("should not let anyone but admins search users by a co-producer's real name or email", async () => {
    const { realName, email } = f.people.coProducer
    const filters = [
      `where[realName][like]=${encodeURIComponent(String(realName))}`,
      `where[email][equals]=${encodeURIComponent(email)}`,
    ]
    const finds = async (viewer: Person, filter: string) => {
      const result = await f.request<{ docs?: { id: number }[] }>(
        viewer,
        'GET',
        `/api/users?${filter}&depth=0`,
      )
      return (
        result.status === 200 && (result.json.docs ?? []).some((u) => u.id === f.id('coProducer'))
      )
    }
    for (const filter of filters) expect(await finds('admin', filter), `admin ${filter}`).toBe(true)
    for (const viewer of ['designer', 'publisher', 'otherCoProducer'] as const) {
      for (const filter of filters) {
        expect(await finds(viewer, filter), `${viewer} found the co-producer by ${filter}`).toBe(
          false,
        )
      }
    }
  })

  // Beyond the brief: "cannot see the script" must hold for its saved versions too.
  it('should not show the versions of a script to a co-producer who is not assigned to it', async () => {
    const script = await f.createScript()
    const path = `/api/scripts/versions?where[parent][equals]=${script.id}&depth=0`
    const assigned = await f.request<{ docs: unknown[] }>('coProducer', 'GET', path)
    expect(assigned.status, messageOf(assigned)).toBe(200)
    expect(assigned.json.docs.length).toBeGreaterThan(0)

    const other = await f.request<{ docs?: unknown[] }>('otherCoProducer', 'GET', path)
    const seen = other.status === 200 ? (other.json.docs?.length ?? 0) : 0
    expect(seen, `status ${other.status}: ${other.text.slice(0, 200)}`).toBe(0)
    expect(other.text).not.toContain(lineOf(script, lineIdsOf(script)[1]).text)
  })

  it('should offer each person only the review actions they may take', async () => {
    const script = await f.createScript()

    const designerOnDraft = await f.reviewState('designer', script.id)
    expect(designerOnDraft.status, messageOf(designerOnDraft)).toBe(200)
    expect(designerOnDraft.json.allowedActions).toContain('submit')

    const publisherOnDraft = await f.reviewState('publisher', script.id)
    expect(publisherOnDraft.status, messageOf(publisherOnDraft)).toBe(200)
    expect(publisherOnDraft.json.allowedActions).toEqual([])

    await f.submit(script.id)
    const reviewerInReview = await f.reviewState('coProducer', script.id)
    expect(reviewerInReview.status, messageOf(reviewerInReview)).toBe(200)
    expect([...reviewerInReview.json.allowedActions].sort()).toEqual(['approve', 'requestChanges'])
  })

  it('should report the one edited line when comparing the first version with the latest', async () => {
    const script = await f.createScript()
    const lineId = lineIdsOf(script)[3]
    const oldText = lineOf(script, lineId).text
    const newText = 'Next time, ring me straight away.'

    await f.submit(script.id)
    await f.reviewOk('coProducer', script.id, 'requestChanges', 'changesRequested')
    await f.reviewOk('designer', script.id, 'returnToDraft', 'draft')
    const edited = await f.editLine('designer', script.id, lineId, newText)
    expect(edited.status, messageOf(edited)).toBe(200)
    await f.approve(script.id)

    const state = await f.reviewState('designer', script.id)
    expect(state.status, messageOf(state)).toBe(200)
    const first = state.json.versions.at(-1)
    expect(first).toBeDefined()

    const diff = await f.request<DiffBody>(
      'designer',
      'GET',
      `/api/scripts/${script.id}/diff?from=${first?.id}&to=latest`,
    )
    expect(diff.status, messageOf(diff)).toBe(200)
    expect(diff.json.summary).toEqual({ added: 0, removed: 0, changed: 1, moved: 0, unchanged: 3 })
    const changed = diff.json.entries.filter((e) => e.kind === 'changed')
    expect(changed).toEqual([
      {
        kind: 'changed',
        before: expect.objectContaining({ lineId, text: oldText }),
        after: expect.objectContaining({ lineId, text: newText }),
        changes: ['text'],
      },
    ])
  })

  it('should flag a hard-to-read line and not a short plain one', async () => {
    const script = await f.createScript({
      scenes: [
        {
          heading: 'Office',
          lines: [
            { speaker: 'Dean', text: HARD_LINE },
            { speaker: 'Sam', text: 'See you next week.' },
          ],
        },
      ],
    })
    const [hardId, plainId] = lineIdsOf(script)
    const state = await f.reviewState('designer', script.id)
    expect(state.status, messageOf(state)).toBe(200)
    const { readability } = state.json
    expect(readability.threshold).toEqual(expect.any(Number))
    expect(readability.lines.find((l) => l.lineId === hardId)?.isHard).toBe(true)
    expect(readability.lines.find((l) => l.lineId === plainId)?.isHard).toBe(false)
    expect(readability.hardLineIds).toContain(hardId)
    expect(readability.hardLineIds).not.toContain(plainId)
  })
})
