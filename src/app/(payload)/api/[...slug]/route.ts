/* Payload's REST routes, behind the studio's request guards (src/lib/http/guards). */
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

import { apiGuards } from '@/lib/http/guards'
import { withRequestGuards } from '@/lib/http/requestGuards'

export const GET = withRequestGuards(REST_GET(config), apiGuards)
export const POST = withRequestGuards(REST_POST(config), apiGuards)
export const DELETE = withRequestGuards(REST_DELETE(config), apiGuards)
export const PATCH = withRequestGuards(REST_PATCH(config), apiGuards)
export const PUT = withRequestGuards(REST_PUT(config), apiGuards)
export const OPTIONS = withRequestGuards(REST_OPTIONS(config), apiGuards)
