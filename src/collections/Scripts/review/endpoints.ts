import type { Endpoint } from 'payload'

import { staffUser } from '../../../access/roles'
import { DEFAULT_THRESHOLD, scoreScript, scoreText } from '../../../domain/readability/readability'
import { allowedActions, REVIEW_STATE_LABELS } from '../../../domain/scripts/reviewWorkflow'
import { diffScripts, linesOf, summariseDiff } from '../../../domain/scripts/scriptDiff'
import { plainTextFromRichText } from '../../../domain/text/richText'
import { idOf } from '../../../domain/refs'
import type { Comment, Script, User } from '../../../payload-types'
import { reviewRequestOf } from '../../../domain/http/endpointBodies'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { idTypeOf } from '../../../lib/config/idType'
import { jsonError } from '../../../lib/http/jsonError'
import { applyReviewAction, REVIEW_ACTIONS } from '../../../services/review/applyReviewAction'
import { actorFor, readableScript, reviewContextOf } from '../../../services/review/context'

const readabilityThreshold = () => Number(process.env.READABILITY_THRESHOLD) || DEFAULT_THRESHOLD

const nameOf = (user: unknown) =>
  typeof user === 'object' && user
    ? ((user as User).displayName ?? `User ${(user as User).id}`)
    : 'Unknown'

/** GET /api/scripts/:id/review — everything the review view shows, for this person. */
const reviewState: Endpoint = {
  path: '/:id/review',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to review scripts.')
    const script = await readableScript(req, String(req.routeParams?.id))
    if (!script) return jsonError(404, 'Script not found.')
    const { payload } = req
    const asUser = { overrideAccess: false, user: req.user, req } as const
    const [comments, versions, people, clip, exercises] = await Promise.all([
      payload
        .find({
          ...asUser,
          collection: 'comments',
          where: { script: { equals: script.id } },
          depth: 1,
          sort: 'createdAt',
          pagination: false,
        })
        .catch(() => ({ docs: [] as Comment[] })),
      payload.findVersions({
        ...asUser,
        collection: 'scripts',
        where: { parent: { equals: script.id } },
        sort: '-updatedAt',
        limit: 50,
        depth: 0,
        select: { updatedAt: true, status: true },
      }),
      payload.find({
        ...asUser,
        collection: 'users',
        where: { role: { in: ['coProducer', 'designer', 'admin'] } },
        depth: 0,
        pagination: false,
        select: { displayName: true, role: true },
      }),
      script.clip
        ? payload
            .findByID({
              ...asUser,
              collection: 'clips',
              id: idOf(script.clip)!,
              depth: 0,
              select: { title: true },
            })
            .catch(() => null)
        : null,
      script.clip
        ? payload
            .find({
              ...asUser,
              collection: 'exercises',
              where: { clip: { equals: script.clip } },
              depth: 0,
              pagination: false,
            })
            .catch(() => ({ docs: [] }))
        : { docs: [] },
    ])
    const lines = linesOf(script)
    const readability = scoreScript(
      lines.map((l) => ({ lineId: l.lineId, text: l.text })),
      readabilityThreshold(),
    )
    const worksheetText = exercises.docs
      .flatMap((e) => [
        plainTextFromRichText(e.worksheet?.intro),
        ...(e.worksheet?.questions ?? []).map((q) => q.prompt ?? ''),
        e.task ?? '',
      ])
      .filter(Boolean)
      .join('\n')
    const byId = new Map(people.docs.map((u) => [String(u.id), u]))
    const context = reviewContextOf(script)
    const actor = actorFor(req, script)!
    return Response.json({
      script: {
        id: script.id,
        title: script.title,
        clipTitle: clip?.title ?? null,
        status: context.state,
        statusLabel: REVIEW_STATE_LABELS[context.state],
        characters: script.characters ?? [],
        scenes: (script.scenes ?? []).map((scene) => ({
          heading: scene.heading,
          lines: (scene.lines ?? []).map((l) => ({
            lineId: l.lineId,
            speaker: l.speaker,
            text: l.text,
            direction: l.direction,
          })),
        })),
      },
      allowedActions: allowedActions(context, actor),
      reviewers: context.reviewers.map((id) => ({
        id,
        displayName: nameOf(byId.get(id)),
        role: byId.get(id)?.role ?? null,
      })),
      approvals: context.approvals.map((a) => ({
        ...a,
        displayName: nameOf(byId.get(a.userId)),
        current: a.versionId === context.versionId,
      })),
      candidates: people.docs.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })),
      comments: comments.docs.map((c) => ({
        id: c.id,
        lineId: c.lineId ?? null,
        parent: typeof c.parent === 'object' && c.parent ? c.parent.id : (c.parent ?? null),
        body: c.body,
        resolved: c.resolved ?? false,
        author: nameOf(c.author),
        quotedSpeaker: c.quotedSpeaker ?? null,
        quotedText: c.quotedText ?? null,
        lineChanged: Boolean(
          c.lineId &&
          c.quotedText &&
          lines.find((l) => l.lineId === c.lineId)?.text !== c.quotedText,
        ),
        scriptVersion: c.scriptVersion ?? null,
        createdAt: c.createdAt,
      })),
      readability: {
        ...readability,
        threshold: readabilityThreshold(),
        worksheet: worksheetText ? scoreText(worksheetText) : null,
      },
      versions: versions.docs.map((v) => ({
        id: v.id,
        updatedAt: v.updatedAt,
        status: (v.version as { status?: string })?.status ?? null,
      })),
    })
  },
}

/** POST /api/scripts/:id/review { action, reviewers? } — a review transition. */
const reviewAction: Endpoint = {
  path: '/:id/review',
  method: 'post',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to review scripts.')
    const body = await readJsonBody(req, (raw) =>
      reviewRequestOf(raw, { actions: REVIEW_ACTIONS, idType: idTypeOf(req) }),
    )
    if (!body.ok) return body.response
    const result = await applyReviewAction({
      req,
      scriptId: String(req.routeParams?.id),
      action: body.value.action,
      reviewers: body.value.reviewers,
    })
    if (!result.ok) return jsonError(result.status, result.reason)
    return Response.json({
      status: result.script.status,
      message: `Script is now ${REVIEW_STATE_LABELS[result.script.status]}.`,
    })
  },
}

/** GET /api/scripts/:id/diff?from=<versionId>&to=<versionId|latest> — line-level changes. */
const versionDiff: Endpoint = {
  path: '/:id/diff',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to compare versions.')
    const script = await readableScript(req, String(req.routeParams?.id))
    if (!script) return jsonError(404, 'Script not found.')
    const from = req.searchParams.get('from')
    const to = req.searchParams.get('to') ?? 'latest'
    if (!from) return jsonError(400, 'Give the version to compare from: ?from=<version id>.')
    const load = async (versionId: string) => {
      if (versionId === 'latest') return script
      const version = await req.payload
        .findVersionByID({
          collection: 'scripts',
          id: versionId,
          depth: 0,
          overrideAccess: true,
          req,
        })
        .catch(() => null)
      if (!version || String(version.parent) !== String(script.id)) return null
      return version.version as Script
    }
    const [before, after] = await Promise.all([load(from), load(to)])
    if (!before || !after) return jsonError(404, 'That version does not belong to this script.')
    const entries = diffScripts(linesOf(before), linesOf(after))
    return Response.json({ from, to, summary: summariseDiff(entries), entries })
  },
}

export const scriptReviewEndpoints: Endpoint[] = [reviewState, reviewAction, versionDiff]
