import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, screenshot } from './helpers/browser'
import { startOwnStudio, type OwnStudio } from './helpers/ownStudio'

// A studio of its own: it starts empty (the first-register screen), and the failed sign-ins
// below come from 127.0.0.1 without throttling the shared server the other tests sign in to.
let studio: OwnStudio
let browser: Browser
beforeAll(async () => {
  studio = await startOwnStudio()
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await studio?.stop()
})

const ADMIN = { email: 'first-admin@e2e.example', password: 'a long and quiet harbour' }

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${studio.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, unknown> & {
      errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
    },
  }
}

describe('sign-in on a production build (npm start)', () => {
  it('should refuse a weak password on the create-first-user screen, say why, and create nobody', async () => {
    const page = await browser.newPage()
    await page.goto(`${studio.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/, { timeout: 60_000 })
    // The form shows the auth email and the collection's own email field, bound to one value.
    await page.locator('#field-email').first().fill(ADMIN.email)
    await page.locator('#field-password').fill('short-pw1')
    await page.locator('#field-confirm-password').fill('short-pw1')
    await page.locator('#field-displayName').fill('First Admin')
    await page.locator('button[type="submit"]').click()
    await page.getByText('The password is too short: use at least 12 characters').first().waitFor()
    await screenshot(page, 'sign-in-first-user-weak-password')
    await page.close()

    const common = await post('/api/users/first-register', {
      ...ADMIN,
      password: 'Password1234',
      'confirm-password': 'Password1234',
      displayName: 'First Admin',
    })
    expect(common.status).toBe(400)
    expect(common.body.errors?.[0]?.data?.errors?.[0]).toMatchObject({
      path: 'password',
      message: expect.stringContaining('list of commonly used passwords'),
    })
    const init = await fetch(`${studio.url}/api/users/init`)
    expect(await init.json()).toEqual({ initialized: false })

    const good = await post('/api/users/first-register', {
      ...ADMIN,
      'confirm-password': ADMIN.password,
      displayName: 'First Admin',
    })
    expect(good.status).toBe(200)
    expect(good.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' })
  })

  it('should count every failure against the real address, whatever X-Forwarded-For claims', async () => {
    const signedIn = await post('/api/users/login', ADMIN)
    const token = signedIn.body.token as string
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) {
      const spoofed = { 'x-forwarded-for': `203.0.113.${i + 1}` }
      const answer = await post(
        '/api/users/login',
        { email: `nobody-${i}@e2e.example`, password: 'not-a-password' },
        spoofed,
      )
      statuses.push(answer.status)
      if (answer.status === 429) expect(Number(answer.retryAfter)).toBeGreaterThan(800)
    }
    // Twenty failures from one address spend its budget: the 21st is refused.
    expect(statuses).toEqual([...Array(20).fill(401), 429])

    const log = await fetch(
      `${studio.url}/api/audit-log?where[action][equals]=loginFailed&limit=100&depth=0`,
      { headers: { authorization: `JWT ${token}` } },
    )
    const { docs } = (await log.json()) as { docs: { clientAddress: string }[] }
    expect(docs).toHaveLength(20)
    expect(new Set(docs.map((doc) => doc.clientAddress))).toEqual(new Set(['127.0.0.1']))
  })

  it("should show the throttle on the admin's login form", async () => {
    const page = await browser.newPage()
    await page.goto(`${studio.url}/admin/login`)
    await page.locator('#field-email').fill(ADMIN.email)
    await page.locator('#field-password').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page
      .getByText(/Too many failed sign-in attempts: try again in \d+ min/)
      .first()
      .waitFor()
    await screenshot(page, 'sign-in-throttled')
    expect(page.url()).toMatch(/\/admin\/login/)
    await page.close()
  })
})
