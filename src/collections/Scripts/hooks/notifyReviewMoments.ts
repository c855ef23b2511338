import type { CollectionAfterChangeHook } from 'payload'

import type { Script } from '../../../payload-types'
import { recordScriptNotices } from '../../../services/notifications/scriptNotices'

/** Tells the people of a script when it is sent for review, sent back, approved or reopened. */
export const notifyReviewMoments: CollectionAfterChangeHook<Script> = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  await recordScriptNotices(req, {
    before: operation === 'update' ? previousDoc : null,
    after: doc,
    // Set by enforceReviewRules when approved text was edited.
    reopened: typeof context.staleFromHash === 'string',
  })
  return doc
}
