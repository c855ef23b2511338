/* Payload's GraphQL route, behind the studio's request guards (src/lib/http/guards). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { apiGuards } from '@/lib/http/guards'
import { withRequestGuards } from '@/lib/http/requestGuards'

export const POST = withRequestGuards(GRAPHQL_POST(config), apiGuards)

export const OPTIONS = withRequestGuards(REST_OPTIONS(config), apiGuards)
