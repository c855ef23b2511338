import { jsonBody } from './jsonBody'
import { requestUrl } from './requestUrl'
import { signInThrottle } from './signInThrottle'
import { uploadPermission } from './uploadPermission'
import type { RequestGuard } from '../../lib/http/requestGuards'

/**
 * Every guard, in the order they run, for REST and GraphQL alike (the Next routes and the
 * integration tests' HTTP server use this one list). The throttle needs no body; the URL guard
 * reads the path and query; the JSON body guard reads every body but an upload's; upload
 * permission judges multipart from headers.
 */
export const apiGuards: readonly RequestGuard[] = [
  signInThrottle,
  requestUrl,
  jsonBody,
  uploadPermission,
]
