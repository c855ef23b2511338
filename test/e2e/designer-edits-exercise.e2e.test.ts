import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, launchBrowser, logIn, screenshot } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

const designer = DEMO_USERS.find((u) => u.role === 'designer')!

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
})

afterAll(async () => {
  await browser?.close()
})

describe('designer in the admin', () => {
  it('should see the toolkit overview on the dashboard after logging in', async () => {
    await logIn(page, designer.email, designer.password)
    const panel = page.locator('.cdm-toolkit-overview')
    await panel.waitFor()
    const row = panel.locator('tbody tr').first()
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('4')
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('24')
    await screenshot(page, 'dashboard-designer')
  })

  it('should edit an exercise title in the Foundation module and still see it after reload', async () => {
    await page.goto(`${baseUrl()}/admin/collections/modules`)
    await page.getByRole('link', { name: 'Foundation', exact: true }).click()
    await page.waitForURL(/\/admin\/collections\/modules\/\d+/)
    await expect(page.locator('#field-title').inputValue()).resolves.toBe('Foundation')

    // The module's exercises are listed in its join field; open the first one.
    const firstExercise = page.locator('.relationship-table a, .relationship-table button').first()
    await firstExercise.waitFor()
    const moduleUrl = page.url()
    const moduleId = moduleUrl.split('/').pop()
    await page.goto(
      `${baseUrl()}/admin/collections/exercises?where[module][equals]=${moduleId}&sort=order`,
    )
    await page.locator('table tbody tr').first().locator('a').first().click()
    await page.waitForURL(/\/admin\/collections\/exercises\/\d+/)

    const newTitle = `Welcome to supervision (edited ${Date.now()})`
    const title = page.locator('#field-title')
    await title.fill(newTitle)
    await page.locator('#action-save').click()
    await page.getByText('Updated successfully').waitFor({ timeout: 30_000 })

    await page.reload()
    await expect(page.locator('#field-title').inputValue()).resolves.toBe(newTitle)
    await screenshot(page, 'exercise-title-edited')
  })

  it("should never show a co-producer's real name or email in the admin", async () => {
    const coProducer = DEMO_USERS.find((u) => u.role === 'coProducer')!
    await page.goto(`${baseUrl()}/admin/collections/users`)
    const row = page.locator('table tbody tr', { hasText: coProducer.pseudonym! })
    await row.waitFor()
    const listText = (await page.locator('main, .collection-list').first().textContent()) ?? ''
    expect(listText).not.toContain(coProducer.email)
    expect(listText).not.toContain(coProducer.realName!)
    await row.locator('a').first().click()
    await page.waitForURL(/\/admin\/collections\/users\/\d+/)
    await page.locator('#field-displayName, #field-pseudonym').first().waitFor()
    const html = await page.content()
    expect(html).not.toContain(coProducer.email)
    expect(html).not.toContain(coProducer.realName!)
    await screenshot(page, 'co-producer-seen-by-designer')
  })
})
