import type { CollectionBeforeValidateHook } from 'payload'

import { type Id, idOf } from '../../../domain/refs'
import { checkExerciseClip, type AudienceRef } from '../../../domain/variants/audienceFit'
import { throwIfFieldErrors } from '../../../hooks/fieldErrors'
import type { Exercise } from '../../../payload-types'

export const ensureClipSuitsAudiences: CollectionBeforeValidateHook<Exercise> = async ({
  data,
  originalDoc,
  req,
}) => {
  const clipId = idOf(data?.clip ?? originalDoc?.clip)
  const moduleId = idOf(data?.module ?? originalDoc?.module)
  if (clipId == null) return data
  const { payload } = req
  const common = { req, overrideAccess: true, depth: 0 } as const

  const clip = await payload.findByID({
    ...common,
    collection: 'clips',
    id: clipId,
    disableErrors: true,
  })
  if (!clip) {
    throwIfFieldErrors(
      'exercises',
      [{ path: 'clip', message: `Clip ${clipId} does not exist.` }],
      req,
    )
    return data
  }
  const moduleDoc =
    moduleId != null
      ? await payload.findByID({
          ...common,
          collection: 'modules',
          id: moduleId,
          disableErrors: true,
        })
      : null

  const exerciseAudienceIds = ((data?.audiences ?? originalDoc?.audiences ?? []) as unknown[]).map(
    idOf,
  )
  const ids = (values: unknown[] | null | undefined): Id[] =>
    (values ?? []).map(idOf).filter((id): id is Id => id != null)
  const allIds = [
    ...new Set([...ids(clip.audiences), ...ids(exerciseAudienceIds), ...ids(moduleDoc?.audiences)]),
  ]
  const audiences = allIds.length
    ? await payload.find({
        ...common,
        collection: 'audiences',
        where: { id: { in: allIds } },
        pagination: false,
      })
    : { docs: [] }
  const labelled = (values: unknown[] | null | undefined): AudienceRef[] =>
    ids(values).map((id) => ({
      id,
      label: audiences.docs.find((a) => String(a.id) === String(id))?.label ?? String(id),
    }))

  const message = checkExerciseClip({
    clip: {
      title: clip.title ?? `Clip ${clip.id}`,
      audiences: labelled(clip.audiences),
      isVariant: clip.variantOf != null,
    },
    exerciseAudiences: labelled(exerciseAudienceIds),
    moduleAudiences: labelled(moduleDoc?.audiences),
  })
  throwIfFieldErrors('exercises', message ? [{ path: 'clip', message }] : [], req)
  return data
}
