import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type {
  AfterErrorHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

/** Per upload folder: the names of files that requests in this process are storing right now. */
const inFlight = new Map<string, Set<string>>()
const claims = new WeakMap<PayloadRequest, { folder: Set<string>; name: string }>()

/**
 * Two uploads of one name at the same moment both pass Payload's "is the name taken?" check,
 * write the same path, and the later bytes end up under the earlier document (the other is
 * refused "Value must be unique"). So a name being stored by another request in this process is
 * made unique first, with a random suffix; Payload still numbers names already stored. Studio
 * instances do not see each other's claims (README, "Media pipeline").
 */
export function claimUploadName(staticDir: string): CollectionBeforeOperationHook {
  const folder = inFlight.get(staticDir) ?? new Set<string>()
  inFlight.set(staticDir, folder)
  return ({ args, operation, req }) => {
    if ((operation !== 'create' && operation !== 'update') || !req.file?.name) return args
    let name = req.file.name
    if (folder.has(name)) {
      const extension = path.extname(name)
      name = `${name.slice(0, name.length - extension.length)}-${randomBytes(4).toString('hex')}${extension}`
      req.file.name = name
    }
    folder.add(name)
    claims.set(req, { folder, name })
    return args
  }
}

export const releaseUploadName: CollectionAfterOperationHook = ({ req, result }) => {
  release(req)
  return result
}

export const releaseUploadNameOnError: AfterErrorHook = ({ req }) => {
  release(req)
}

function release(req: PayloadRequest): void {
  const claim = claims.get(req)
  if (!claim) return
  claim.folder.delete(claim.name)
  claims.delete(req)
}
