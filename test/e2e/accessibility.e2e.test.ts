import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seriousViolations } from './helpers/axe'
import { baseUrl, fromStudioPage, launchBrowser, logIn } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

/**
 * axe-core on the studio's own views inside Payload's admin, as each demo role that meets them:
 * no serious or critical violation. (Payload's own pages around them are another matter: see
 * the README, "Accessibility".)
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function signedIn(role: (typeof DEMO_USERS)[number]['role']): Promise<Page> {
  const user = DEMO_USERS.find((u) => u.role === role)!
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
  const page = await context.newPage()
  await logIn(page, user.email, user.password)
  return page
}

async function firstId(page: Page, collection: string): Promise<string> {
  const response = await page.request.get(`${baseUrl()}/api/${collection}?limit=1&depth=0`, {
    headers: fromStudioPage(),
  })
  const { docs } = (await response.json()) as { docs: { id: number | string }[] }
  expect(docs.length, `a ${collection} document to open`).toBeGreaterThan(0)
  return String(docs[0].id)
}

async function expectAccessible(page: Page, selector: string, what: string) {
  await page.locator(selector).first().waitFor()
  expect(await seriousViolations(page, selector), `axe on ${what}`).toEqual([])
}

describe("the studio's own views pass axe-core", () => {
  for (const role of ['coProducer', 'designer'] as const) {
    it(`should give a ${role} an accessible script review and dashboard panels`, async () => {
      const page = await signedIn(role)
      await page.goto(`${baseUrl()}/admin`)
      await expectAccessible(page, '.cdm-my-reviews', 'My reviews')
      await expectAccessible(page, '.cdm-toolkit-overview', 'the toolkit overview')
      const script = await firstId(page, 'scripts')
      await page.goto(`${baseUrl()}/admin/collections/scripts/${script}/review`)
      await page.locator('[data-review-status]').waitFor()
      await expectAccessible(page, '.cdm-review', 'the script review')
      const clip = await firstId(page, 'clips')
      await page.goto(`${baseUrl()}/admin/collections/clips/${clip}`)
      await expectAccessible(page, '.cdm-media', 'the clip media panel')
      await page.context().close()
    })
  }

  it('should give a publisher an accessible release panel', async () => {
    const page = await signedIn('publisher')
    await page.goto(`${baseUrl()}/admin/collections/releases/create`)
    await expectAccessible(page, '.cdm-release', 'the release panel')
    await page.context().close()
  })
})
