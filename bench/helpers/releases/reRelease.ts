import { performance } from 'node:perf_hooks'

import { captionsFromScript } from '../../../src/domain/captions/captionsFromScript'
import { ffmpegRunCount } from '../../../src/lib/ffmpeg'
import type { Clip, Script } from '../../../src/payload-types'
import type { Token } from '../../../test/int/helpers/review'
import { flushDisk } from '../disk'
import { runQueueUntilIdle } from '../jobs'
import type { Profiled } from './profiles'
import { createRelease, LOCALE, ok, publish, type Studio } from './studio'

/** The seeded script edited for 1.1.0: its clip, the line and the new words. */
export const EDIT = {
  clip: 'first-meeting',
  from: "Hiya, Dean. I'm Sam. Come and sit down.",
  to: "Hiya, Dean. I'm Sam. Come in and sit down.",
}

type Scenes = NonNullable<Script['scenes']>

export type ReRelease = Awaited<ReturnType<typeof measureReRelease>>

/**
 * 3. Re-release 1.1.0 after a one-line edit of one approved script: edit, review, confirm the
 * voices, captions made again from the new text, media jobs, publish.
 */
export async function measureReRelease(studio: Studio, profiled: Profiled) {
  const started = performance.now()
  const ffmpegBefore = ffmpegRunCount()
  const { clip, script, scenes, editedStatus } = await editOneLine(studio)
  const staleClip = await studio.payload.findByID({ collection: 'clips', id: clip.id, depth: 0 })
  const staleRows = [...(staleClip.voiceTracks ?? []), ...(staleClip.captions ?? [])].filter(
    (r) => r.stale,
  )
  await reviewToApproved(studio, script.id)
  await confirmVoicesRemakeCaptions(studio, staleClip, scenes)
  const { jobs: mediaJobs } = await runQueueUntilIdle(studio.payload, 'media', { limit: 2 })
  const release = await createRelease(studio, '1.1.0')
  flushDisk()
  const build = await profiled('build-1.1.0', () => publish(studio, release))
  return {
    build,
    ms: performance.now() - started,
    ffmpegRuns: ffmpegRunCount() - ffmpegBefore,
    mediaJobs,
    scriptTitle: script.title,
    editedStatus,
    staleRowCount: staleRows.length,
  }
}

/** The designer changes EDIT's line in the clip's script. */
async function editOneLine(studio: Studio) {
  const { payload } = studio
  const clip = (await payload.find({ collection: 'clips', where: { slug: { equals: EDIT.clip } } }))
    .docs[0]
  const script = (
    await payload.find({
      collection: 'scripts',
      where: { clip: { equals: clip.id } },
      depth: 0,
      draft: true,
    })
  ).docs[0]
  const scenes = structuredClone(script.scenes ?? [])
  const line = scenes.flatMap((s) => s.lines ?? []).find((l) => l.text === EDIT.from)
  if (!line) throw new Error(`script "${script.title}" has no line "${EDIT.from}"`)
  line.text = EDIT.to
  const edited = ok(
    await studio.request<{ doc: { status: string } }>(
      studio.tokens.designer,
      'PATCH',
      `/api/scripts/${script.id}`,
      { scenes },
    ),
    200,
    'designer edits one line',
  )
  return { clip, script, scenes, editedStatus: edited.doc.status }
}

/** Submitted to the co-producer and the designer, who both approve it. */
async function reviewToApproved(studio: Studio, scriptId: number) {
  const { payload, people, tokens } = studio
  const userId = async (email: string) =>
    (await payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0].id
  const reviewers = [await userId(people.coProducer.email), await userId(people.designer.email)]
  const review = async (token: Token, action: string, expected: string, body = {}) => {
    const result = ok(
      await studio.request<{ status: string }>(token, 'POST', `/api/scripts/${scriptId}/review`, {
        action,
        ...body,
      }),
      200,
      `review ${action}`,
    )
    if (result.status !== expected)
      throw new Error(`review ${action} left the script ${result.status}, not ${expected}`)
  }
  await review(tokens.designer, 'submit', 'inReview', { reviewers })
  await review(tokens.coProducer, 'approve', 'inReview')
  await review(tokens.designer, 'approve', 'approved')
}

/**
 * The voices still match a one-word change and are confirmed; the captions are made again from
 * the approved text, as the seed made them, and replace the old track.
 */
async function confirmVoicesRemakeCaptions(studio: Studio, staleClip: Clip, scenes: Scenes) {
  const { payload, tokens } = studio
  for (const row of staleClip.voiceTracks ?? []) {
    if (!row.stale) continue
    ok(
      await studio.request(tokens.designer, 'POST', `/api/clips/${staleClip.id}/confirm-media`, {
        rowId: row.id,
      }),
      200,
      `confirm voice track row ${row.id}`,
    )
  }
  const vtt = Buffer.from(
    captionsFromScript({
      lines: scenes
        .flatMap((s) => s.lines ?? [])
        .map((l) => ({ speaker: l.speaker, text: l.text ?? '' })),
      durationMs: staleClip.processing?.durationMs ?? 0,
    }),
  )
  const newCaptions = await payload.create({
    collection: 'captions',
    data: { title: `Captions (English): ${staleClip.title} v2` },
    file: {
      data: vtt,
      mimetype: 'text/vtt',
      name: `${EDIT.clip}.en-GB.v2.vtt`,
      size: vtt.length,
    },
  })
  ok(
    await studio.request(tokens.designer, 'PATCH', `/api/clips/${staleClip.id}`, {
      captions: [{ locale: LOCALE, track: newCaptions.id }],
    }),
    200,
    'designer replaces the captions',
  )
}
