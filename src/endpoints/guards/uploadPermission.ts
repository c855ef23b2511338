import { createLocalReq, executeAuthStrategies, getPayload } from 'payload'

import { isMultipart, uploadWriteOf } from '../../domain/http/uploadRoute'
import { jsonError } from '../../lib/http/jsonError'
import type { RequestGuard } from '../../lib/http/requestGuards'
import { refuseUploadWrite } from '../../services/uploads/uploadPermission'
import config from '@payload-config'

/**
 * Payload parses a multipart body (streaming the file to its temp folder) before it runs
 * access control, and our upload checks probe the file before that too. This answers 401/403
 * from the headers alone, so a caller who may not upload never has a byte of the file read.
 * It authenticates with Payload's own strategies (cookie, JWT, API key) but skips the full
 * permission map that `payload.auth` would also compute.
 */
export const uploadPermission: RequestGuard = async (request) => {
  if (!isMultipart(request.headers.get('content-type'))) return undefined
  const payload = await getPayload({ config })
  const write = uploadWriteOf({
    method: request.method,
    pathname: new URL(request.url).pathname,
    apiRoute: payload.config.routes.api,
    uploadSlugs: new Set(payload.config.collections.filter((c) => c.upload).map((c) => c.slug)),
  })
  if (!write) return undefined
  const { user } = await executeAuthStrategies({ headers: request.headers, payload })
  const req = await createLocalReq({ user: user ?? undefined }, payload)
  const refusal = await refuseUploadWrite(req, write)
  return refusal ? jsonError(refusal.status, refusal.message) : undefined
}
