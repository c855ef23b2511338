import type { Payload, TypedUser, Where } from 'payload'
import React from 'react'

import { REVIEW_STATE_LABELS, type ReviewState } from '../../../domain/scripts/reviewWorkflow'
import './myReviews.scss'

interface Props {
  payload: Payload
  user?: TypedUser | null
}

/**
 * "My reviews": scripts waiting for the signed-in person — in review where they are a reviewer
 * and have not approved the version under review, or sent back with changes requested to the
 * people who edit them.
 */
export async function MyReviews({ payload, user }: Props) {
  if (!user || !('role' in user) || user.role === 'publisher') return null
  const me = user.id
  const editsScripts: Where =
    user.role === 'coProducer' ? { assignedCoProducers: { in: [me] } } : { id: { exists: true } }
  const scripts = await payload.find({
    collection: 'scripts',
    overrideAccess: false,
    user,
    depth: 0,
    limit: 50,
    sort: '-updatedAt',
    where: {
      or: [
        { and: [{ status: { equals: 'inReview' } }, { reviewers: { in: [me] } }] },
        { and: [{ status: { equals: 'changesRequested' } }, editsScripts] },
      ],
    },
    select: { title: true, status: true, approvals: true, reviewedVersionId: true },
  })
  const waiting = scripts.docs.filter(
    (s) =>
      s.status !== 'inReview' ||
      !(s.approvals ?? []).some(
        (a) =>
          String(typeof a.user === 'object' ? a.user.id : a.user) === String(me) &&
          a.versionId === s.reviewedVersionId,
      ),
  )
  return (
    <section className="cdm-my-reviews" aria-labelledby="cdm-my-reviews-title">
      <h2 id="cdm-my-reviews-title">My reviews</h2>
      {waiting.length === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <ul>
          {waiting.map((script) => (
            <li key={script.id} data-script-id={script.id}>
              <a href={`/admin/collections/scripts/${script.id}/review`}>{script.title}</a>{' '}
              <span className="cdm-my-reviews__status">
                {REVIEW_STATE_LABELS[(script.status ?? 'draft') as ReviewState]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
