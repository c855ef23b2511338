/* Payload's REST routes, behind the studio's request guards (src/endpoints/guards), with CORS for
   the delivery API (src/lib/http/deliveryCors.ts) and the API's security headers
   (src/lib/http/securityHeaders.ts). */
import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { apiGuards } from '@/endpoints/guards'
import { withDeliveryCors } from '@/lib/http/deliveryCors'
import { withRequestGuards } from '@/lib/http/requestGuards'
import { withSecurityHeaders } from '@/lib/http/securityHeaders'

export const GET = withSecurityHeaders(
  withDeliveryCors(withRequestGuards(REST_GET(config), apiGuards)),
)
export const POST = withSecurityHeaders(
  withDeliveryCors(withRequestGuards(REST_POST(config), apiGuards)),
)
export const DELETE = withSecurityHeaders(
  withDeliveryCors(withRequestGuards(REST_DELETE(config), apiGuards)),
)
export const PATCH = withSecurityHeaders(
  withDeliveryCors(withRequestGuards(REST_PATCH(config), apiGuards)),
)
export const PUT = withSecurityHeaders(
  withDeliveryCors(withRequestGuards(REST_PUT(config), apiGuards)),
)
export const OPTIONS = withSecurityHeaders(
  withDeliveryCors(withRequestGuards(REST_OPTIONS(config), apiGuards)),
)
