import { ValidationError } from 'payload'
import type { PayloadRequest } from 'payload'

export interface FieldError {
  path: string
  message: string
}

/** Turns domain problems into Payload's 400 ValidationError, one entry per field path. */
export function throwIfFieldErrors(
  collection: string,
  errors: FieldError[],
  req: PayloadRequest,
): void {
  if (errors.length === 0) return
  throw new ValidationError({ collection, errors }, req.t)
}
