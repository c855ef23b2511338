import type { CollectionBeforeValidateHook } from 'payload'

import { checkApiKey } from '../../../domain/auth/apiKeyRules'
import { throwIfFieldErrors } from '../../../hooks/fieldErrors'
import type { DeliveryApp } from '../../../payload-types'

/** A key set through the API must be one the stored index keeps safe (see apiKeyRules). */
export const checkKeyStrength: CollectionBeforeValidateHook<DeliveryApp> = ({ data, req }) => {
  const key = (data as { apiKey?: unknown } | undefined)?.apiKey
  if (typeof key !== 'string' || key === '') return data
  const problem = checkApiKey(key)
  throwIfFieldErrors('delivery-apps', problem ? [{ path: 'apiKey', message: problem }] : [], req)
  return data
}
