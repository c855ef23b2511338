import type { Endpoint } from 'payload'

import { staffUser } from '../../../access/roles'
import { reviewRequestOf } from '../../../domain/http/endpointBodies'
import { DEFAULT_THRESHOLD } from '../../../domain/readability/readability'
import { toReviewView } from '../../../domain/scripts/reviewView'
import { REVIEW_STATE_LABELS } from '../../../domain/scripts/reviewWorkflow'
import { diffScripts, linesOf, summariseDiff } from '../../../domain/scripts/scriptDiff'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { idTypeOf } from '../../../lib/config/idType'
import { jsonError, refusalResponse } from '../../../lib/http/jsonError'
import type { Script } from '../../../payload-types'
import { applyReviewAction, REVIEW_ACTIONS } from '../../../services/review/applyReviewAction'
import { actorFor, readableScript, reviewContextOf } from '../../../services/review/context'
import { loadReviewDocuments } from '../../../services/review/reviewDocuments'

const readabilityThreshold = () => Number(process.env.READABILITY_THRESHOLD) || DEFAULT_THRESHOLD

/** GET /api/scripts/:id/review — everything the review view shows, for this person. */
const reviewState: Endpoint = {
  path: '/:id/review',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) return jsonError(401, 'Sign in to review scripts.')
    const script = await readableScript(req, String(req.routeParams?.id))
    if (!script) return jsonError(404, 'Script not found.')
    const docs = await loadReviewDocuments(req, script)
    return Response.json(
      toReviewView(docs, {
        context: reviewContextOf(script),
        actor: actorFor(req, script)!,
        readabilityThreshold: readabilityThreshold(),
      }),
    )
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
    if (!result.ok) return refusalResponse(result)
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
