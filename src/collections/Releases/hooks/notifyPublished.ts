import type { CollectionAfterChangeHook } from 'payload'

import type { Release } from '../../../payload-types'
import { recordReleaseNotices } from '../../../services/notifications/releaseNotices'

/** Once a release is published, the people whose work is in it hear so. */
export const notifyPublished: CollectionAfterChangeHook<Release> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.status === 'published' && previousDoc?.status !== 'published')
    await recordReleaseNotices(req, doc)
  return doc
}
