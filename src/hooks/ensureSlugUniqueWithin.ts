import type { CollectionBeforeValidateHook, CollectionSlug, Where } from 'payload'

import { throwIfFieldErrors } from './fieldErrors'
import { idOf } from '../domain/refs'

/**
 * Slugs such as "foundation" repeat across toolkits, so they are unique within their parent
 * (a module within its toolkit, an exercise within its module), not globally.
 */
export function ensureSlugUniqueWithin(
  collection: CollectionSlug,
  parentField: string,
  parentLabel: string,
): CollectionBeforeValidateHook {
  return async ({ data, originalDoc, req }) => {
    const slug = data?.slug ?? originalDoc?.slug
    const parent = idOf(data?.[parentField] ?? originalDoc?.[parentField])
    if (typeof slug !== 'string' || slug === '' || parent == null) return data
    const conditions: Where[] = [{ slug: { equals: slug } }, { [parentField]: { equals: parent } }]
    if (originalDoc?.id != null) conditions.push({ id: { not_equals: originalDoc.id } })
    const clash = await req.payload.find({
      collection,
      where: { and: conditions },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    throwIfFieldErrors(
      collection,
      clash.docs.length
        ? [{ path: 'slug', message: `Slug "${slug}" is already used in this ${parentLabel}.` }]
        : [],
      req,
    )
    return data
  }
}
