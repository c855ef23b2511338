import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'

import type { Release } from '../../../payload-types'

const LOCKED = new Set(['building', 'published', 'withdrawn'])

/**
 * Once building starts, a release belongs to the build and then to the apps that downloaded it:
 * no API, with or without access overrides, may change it. Only the release machinery itself
 * (context.releaseSystem) moves it on: building → published | failed, published → withdrawn.
 */
export const keepPublishedReleasesImmutable: CollectionBeforeChangeHook<Release> = ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  if (operation === 'create') {
    data.status = 'draft'
    const user = req.user as { collection?: string; id?: number } | null
    if (user?.collection === 'users') data.createdBy = user.id
    return data
  }
  if (context.releaseSystem) return data
  if (originalDoc && LOCKED.has(originalDoc.status)) {
    throw new APIError(
      `Release ${originalDoc.version} is ${originalDoc.status} and cannot be changed${originalDoc.status === 'published' ? '; withdraw it instead' : ''}.`,
      403,
    )
  }
  return data
}

export const refuseDeletingPublished: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const release = await req.payload.findByID({
    collection: 'releases',
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (release && LOCKED.has(release.status)) {
    throw new APIError(
      `Release ${release.version} is ${release.status} and cannot be deleted; withdraw it instead.`,
      403,
    )
  }
}
