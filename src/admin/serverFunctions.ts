import { buildFormStateHandler } from '@payloadcms/ui/utilities/buildFormState'
import type { BuildFormStateArgs, ServerFunction } from 'payload'

import { mayUpdateDocument } from '../access/mayUpdateDocument'

/**
 * The admin's form-state server function, with the lock rule of payload-locked-documents:
 * Payload's own handler writes a lock straight to the database for any document id a client
 * sends with `returnLockStatus`, so it only gets to when the caller may update that document.
 */
const formStateWithLockRule: ServerFunction<BuildFormStateArgs> = async (args) => {
  const { collectionSlug, id, req } = args
  const mayLock =
    Boolean(args.returnLockStatus) &&
    (args.globalSlug ? false : collectionSlug != null && id != null) &&
    (await mayUpdateDocument(req, String(collectionSlug), id as number | string))
  return buildFormStateHandler({ ...args, returnLockStatus: mayLock })
}

/** Server functions of the studio's admin that replace Payload's own (src/app/(payload)/layout.tsx). */
export const studioServerFunctions = {
  'form-state': formStateWithLockRule,
}
