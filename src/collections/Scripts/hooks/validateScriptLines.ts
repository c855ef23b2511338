import { randomBytes } from 'node:crypto'
import type { CollectionBeforeValidateHook } from 'payload'

import { assignMissingLineIds, findScriptProblems } from '../../../domain/scripts/scriptRules'
import { throwIfFieldErrors } from '../../../hooks/fieldErrors'
import type { Script } from '../../../payload-types'

const newLineId = () => `l-${randomBytes(4).toString('hex')}`

export const validateScriptLines: CollectionBeforeValidateHook<Script> = ({
  data,
  originalDoc,
  req,
}) => {
  if (!data) return data
  const withIds = data.scenes ? assignMissingLineIds(data, newLineId) : data
  const problems = findScriptProblems({
    characters: withIds.characters ?? originalDoc?.characters,
    scenes: withIds.scenes ?? originalDoc?.scenes,
  })
  throwIfFieldErrors('scripts', problems, req)
  return withIds
}
