/* Payload's GraphQL route, behind the studio's request guards (src/endpoints/guards) and with the
   API's security headers (src/lib/http/securityHeaders.ts). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { apiGuards } from '@/endpoints/guards'
import { withRequestGuards } from '@/lib/http/requestGuards'
import { withSecurityHeaders } from '@/lib/http/securityHeaders'

export const POST = withSecurityHeaders(withRequestGuards(GRAPHQL_POST(config), apiGuards))

export const OPTIONS = withSecurityHeaders(withRequestGuards(REST_OPTIONS(config), apiGuards))
