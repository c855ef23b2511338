import type { CollectionBeforeValidateHook, Where } from 'payload'

import { idOf } from '../../../domain/refs'
import { checkVariantFields } from '../../../domain/variants/audienceFit'
import { throwIfFieldErrors } from '../../../hooks/fieldErrors'
import type { Clip } from '../../../payload-types'

export const ensureVariantRules: CollectionBeforeValidateHook<Clip> = async ({
  data,
  originalDoc,
  req,
}) => {
  const pick = <K extends 'variantOf' | 'variantAudience'>(key: K) =>
    data && key in data ? data[key] : originalDoc?.[key]
  const baseId = idOf(pick('variantOf'))
  const audienceId = idOf(pick('variantAudience'))
  const clipId = originalDoc?.id
  const common = { req, overrideAccess: true, depth: 0 } as const

  const base =
    baseId != null
      ? await req.payload.findByID({
          ...common,
          collection: 'clips',
          id: baseId,
          disableErrors: true,
        })
      : null
  if (baseId != null && !base) {
    throwIfFieldErrors(
      'clips',
      [{ path: 'variantOf', message: `Base clip ${baseId} does not exist.` }],
      req,
    )
  }
  let sibling: Clip | null = null
  if (base && audienceId != null) {
    const conditions: Where[] = [
      { variantOf: { equals: base.id } },
      { variantAudience: { equals: audienceId } },
    ]
    if (clipId != null) conditions.push({ id: { not_equals: clipId } })
    const found = await req.payload.find({
      ...common,
      collection: 'clips',
      where: { and: conditions },
      limit: 1,
    })
    sibling = found.docs[0] ?? null
  }
  const problems = checkVariantFields({
    clipId,
    variantOf: base
      ? { id: base.id, title: base.title ?? `Clip ${base.id}`, isVariant: base.variantOf != null }
      : null,
    variantAudience: audienceId,
    siblingWithSameAudience: sibling ? { title: sibling.title ?? `Clip ${sibling.id}` } : null,
  })
  throwIfFieldErrors('clips', problems, req)
  return data
}
