import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeRouteCallers } from './helpers/routeCallers'
import { payloadRouteKeys, routeFileKeys, type RouteContext } from './helpers/routeTable'
import { setUpStudio } from './helpers/studio'
import { authRules } from './routes/authRoutes'
import { closedRules } from './routes/closedRoutes'
import { contentRules } from './routes/contentRoutes'
import { internalRules } from './routes/internalRoutes'
import { studioRules } from './routes/studioRoutes'

/** Every route the studio serves under /api, each with its rule and its test. */
const ROUTE_RULES = [
  ...contentRules,
  ...authRules,
  ...internalRules,
  ...closedRules,
  ...studioRules,
]

const studio = setUpStudio()
const context = {} as RouteContext

beforeAll(async () => {
  context.payload = studio.payload
  context.world = studio.world
  context.callers = await makeRouteCallers(studio.payload, studio.world, studio.server.url)
})

afterAll(async () => {
  await context.callers?.remove()
})

describe('built-in routes', () => {
  it('should have a rule for every route the studio serves, and no rule for a route it does not', () => {
    const served = [...payloadRouteKeys(studio.payload), ...routeFileKeys()]
    const ruled = new Map<string, number>()
    for (const rule of ROUTE_RULES) {
      if (rule.absent) continue
      for (const key of rule.routes) ruled.set(key, (ruled.get(key) ?? 0) + 1)
    }
    const withoutRule = served.filter((key) => !ruled.has(key))
    expect(withoutRule, 'routes without a rule: add them to test/int/routes/').toEqual([])
    const stale = [...ruled.keys()].filter((key) => !served.includes(key))
    expect(stale, 'rules for routes the studio does not serve').toEqual([])
    const twice = [...ruled].filter(([, count]) => count > 1).map(([key]) => key)
    expect(twice, 'routes with two rules').toEqual([])
    const absent = ROUTE_RULES.filter((rule) => rule.absent).flatMap((rule) => rule.routes)
    expect(
      absent.filter((key) => served.includes(key)),
      'routes that must not exist',
    ).toEqual([])
  })

  for (const rule of ROUTE_RULES) {
    const { check } = rule
    if (typeof check !== 'function') continue
    it(`should hold: ${rule.routes[0]}${rule.routes.length > 1 ? ` (+${rule.routes.length - 1})` : ''}: ${rule.who}`, async () => {
      await check(context)
    })
  }
})
