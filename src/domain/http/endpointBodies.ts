import {
  objectBody,
  oneOf,
  optionalIdList,
  requiredText,
  someOf,
  type Checked,
  type IdType,
} from './bodyFields'

/** Most reviewers one submit may name: far more than any review has, far fewer than a flood. */
export const MAX_REVIEWERS = 50
export const MAX_ROW_ID_LENGTH = 64
export const MAX_WITHDRAW_REASON_LENGTH = 2000

/** POST /api/scripts/:id/review { action, reviewers? } */
export function reviewRequestOf<A extends string>(
  body: unknown,
  { actions, idType }: { actions: readonly A[]; idType: IdType },
): Checked<{ action: A; reviewers: (number | string)[] | undefined }> {
  const fields = objectBody(body)
  if (!fields.ok) return fields
  const action = oneOf(fields.value, 'action', actions)
  if (!action.ok) return action
  const reviewers = optionalIdList(fields.value, 'reviewers', { idType, max: MAX_REVIEWERS })
  if (!reviewers.ok) return reviewers
  return { ok: true, value: { action: action.value, reviewers: reviewers.value } }
}

/** POST /api/clips/:id/confirm-media { rowId }: the id of a voice-track or caption row. */
export function confirmMediaRequestOf(body: unknown): Checked<{ rowId: string }> {
  const fields = objectBody(body)
  if (!fields.ok) return fields
  const rowId = requiredText(fields.value, 'rowId', {
    maxLength: MAX_ROW_ID_LENGTH,
    example: 'the voice track or caption row id',
  })
  return rowId.ok ? { ok: true, value: { rowId: rowId.value } } : rowId
}

/** POST /api/releases/:id/withdraw { reason } */
export function withdrawRequestOf(body: unknown): Checked<{ reason: string }> {
  const fields = objectBody(body)
  if (!fields.ok) return fields
  const reason = requiredText(fields.value, 'reason', {
    maxLength: MAX_WITHDRAW_REASON_LENGTH,
    example: 'why the release is withdrawn',
  })
  return reason.ok ? { ok: true, value: { reason: reason.value } } : reason
}

/** POST /api/consents/:id/withdraw { parts } */
export function consentWithdrawalRequestOf<P extends string>(
  body: unknown,
  parts: readonly P[],
): Checked<{ parts: P[] }> {
  const fields = objectBody(body)
  if (!fields.ok) return fields
  const chosen = someOf(fields.value, 'parts', parts)
  return chosen.ok ? { ok: true, value: { parts: chosen.value } } : chosen
}

/** POST /api/users/:id/erase { pseudonym }: the pseudonym typed again, so nobody erases by slip. */
export function erasureRequestOf(body: unknown): Checked<{ pseudonym: string }> {
  const fields = objectBody(body)
  if (!fields.ok) return fields
  const pseudonym = requiredText(fields.value, 'pseudonym', {
    maxLength: 200,
    example: "the co-producer's pseudonym, to confirm",
  })
  return pseudonym.ok ? { ok: true, value: { pseudonym: pseudonym.value } } : pseudonym
}

/** POST /api/releases/:id/preflight and /publish take no fields: no body, or an empty object. */
export function emptyRequestOf(body: unknown): Checked<Record<string, never>> {
  const fields = objectBody(body, { optional: true })
  if (!fields.ok) return fields
  const extra = Object.keys(fields.value)
  if (extra.length > 0)
    return { ok: false, message: `"${extra[0]}" is not a field of this request; send no body.` }
  return { ok: true, value: {} }
}
