import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, launchBrowser, logIn } from './helpers/browser'
import { DEMO_USERS, type DemoUser } from '../../seed/demoUsers'

// The issue's own attacks, as written, against the production build with the seeded demo: the
// integration suite (test/int/privacy.attacks.test.ts) generates thousands more on its own data.
const coProducer = DEMO_USERS.find((u) => u.role === 'coProducer')!
const staff = DEMO_USERS.filter((u) => u.role === 'designer' || u.role === 'publisher')
const secrets = [coProducer.realName!, coProducer.email]

const tokens = new Map<string, string>()
let coProducerId: number | string

async function tokenFor(user: DemoUser): Promise<string> {
  const cached = tokens.get(user.email)
  if (cached) return cached
  const response = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  expect(response.status, `${user.role} signs in`).toBe(200)
  const { token } = (await response.json()) as { token: string }
  tokens.set(user.email, token)
  return token
}

async function get(user: DemoUser, path: string) {
  const response = await fetch(`${baseUrl()}${path}`, {
    headers: { authorization: `JWT ${await tokenFor(user)}` },
  })
  return { status: response.status, body: await response.text() }
}

async function graphql(user: DemoUser, query: string) {
  const response = await fetch(`${baseUrl()}/api/graphql`, {
    method: 'POST',
    headers: { authorization: `JWT ${await tokenFor(user)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  return { status: response.status, body: await response.text() }
}

const leaked = (body: string) => secrets.filter((secret) => body.includes(secret))

beforeAll(async () => {
  const admin = DEMO_USERS.find((u) => u.role === 'admin')!
  const { body } = await get(admin, `/api/users?where[email][equals]=${coProducer.email}`)
  coProducerId = (JSON.parse(body) as { docs: { id: number | string }[] }).docs[0].id
})

describe('a co-producer’s real name and email, asked for by other staff', () => {
  const restAttacks = () => [
    '/api/users?select[realName]=true&select[email]=true',
    '/api/users?select[role]=false',
    `/api/users/${coProducerId}?select[realName]=true`,
    '/api/scripts?depth=1&populate[users][realName]=true',
    '/api/scripts?depth=2&populate[users][realName]=true&populate[users][email]=true',
    '/api/comments?depth=2',
    `/api/users?where[id][equals]=${coProducerId}&depth=3`,
  ]

  for (const user of staff) {
    it(`should stay hidden from a ${user.role} over REST, whatever select, populate and depth ask`, async () => {
      for (const path of restAttacks()) {
        const { status, body } = await get(user, path)
        expect(status, path).toBeLessThan(500)
        expect(leaked(body), `${user.role} GET ${path}`).toEqual([])
      }
    })

    it(`should stay hidden from a ${user.role} over GraphQL, top-level and nested`, async () => {
      for (const query of [
        '{ Users { docs { id realName email } } }',
        '{ Users(where: { role: { equals: coProducer } }) { docs { realName email pseudonym } } }',
        '{ Scripts { docs { assignedCoProducers { realName email } reviewers { realName email } } } }',
      ]) {
        const { status, body } = await graphql(user, query)
        expect(status, query).toBeLessThan(500)
        expect(leaked(body), `${user.role} ${query}`).toEqual([])
      }
    })

    it(`should refuse a ${user.role} filtering by a co-producer’s email`, async () => {
      const { body } = await get(
        user,
        `/api/users?where[email][equals]=${encodeURIComponent(coProducer.email)}&select[id]=true`,
      )
      // Had the filter worked, the answer would confirm who has that email.
      expect(body).not.toContain(`"id":${JSON.stringify(coProducerId)}`)
    })
  }

  it('should show the co-producer their own record, so the rule is not simply "hide all"', async () => {
    const { status, body } = await get(coProducer, '/api/users/me')
    expect(status).toBe(200)
    expect(leaked(body).sort()).toEqual([...secrets].sort())
  })
})

describe('the admin pages a designer can open', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('should show the co-producer by pseudonym only, in the users list and on their page', async () => {
    const designer = DEMO_USERS.find((u) => u.role === 'designer')!
    const page = await browser.newPage()
    await logIn(page, designer.email, designer.password)
    for (const path of ['/admin/collections/users', `/admin/collections/users/${coProducerId}`]) {
      await page.goto(`${baseUrl()}${path}`)
      await page.waitForLoadState('networkidle')
      const html = await page.content()
      expect(leaked(html), path).toEqual([])
    }
    await page.goto(`${baseUrl()}/admin/collections/users`)
    await expect.poll(() => page.content()).toContain(coProducer.pseudonym!)
    await page.close()
  })
})
