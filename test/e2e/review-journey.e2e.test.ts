import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { saveDocument, sendForReviewToRiverAndDana } from './helpers/adminActions'
import { baseUrl, fromStudioPage, launchBrowser, signedInPage, screenshot } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

const coProducer = DEMO_USERS.find((u) => u.role === 'coProducer')!
const designer = DEMO_USERS.find((u) => u.role === 'designer')!

let browser: Browser
const contexts: BrowserContext[] = []
let river: Page
let dana: Page

async function signedIn(user: { email: string; password: string }): Promise<Page> {
  const page = await signedInPage(browser, user)
  contexts.push(page.context())
  return page
}

const status = (page: Page) =>
  page.locator('[data-review-status]').getAttribute('data-review-status')

async function act(page: Page, label: string, expected: string) {
  await page.getByRole('button', { name: label, exact: true }).click()
  await page.waitForFunction(
    (want) =>
      document.querySelector('[data-review-status]')?.getAttribute('data-review-status') === want,
    expected,
  )
}

/** Edits the first line of the first scene in the script's edit view and publishes it. */
async function editFirstLine(page: Page, scriptId: string, text: string) {
  await page.goto(`${baseUrl()}/admin/collections/scripts/${scriptId}`)
  const field = page.locator('#field-scenes__0__lines__0__text')
  await field.waitFor()
  await field.fill(text)
  await saveDocument(page)
}

beforeAll(async () => {
  browser = await launchBrowser()
  river = await signedIn(coProducer)
  dana = await signedIn(designer)
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

describe('co-producing a script through review', () => {
  let reviewUrl = ''
  let scriptId = ''

  it('should show the co-producer the script under "My reviews", take a line comment and a change request', async () => {
    await river.goto(`${baseUrl()}/admin`)
    const link = river.locator('.cdm-my-reviews a').first()
    await link.waitFor()
    await screenshot(river, 'my-reviews-co-producer')
    await link.click()
    await river.waitForURL(/\/admin\/collections\/scripts\/\d+\/review$/)
    reviewUrl = river.url()
    scriptId = reviewUrl.split('/').slice(-2)[0]
    await expect(status(river)).resolves.toBe('inReview')
    // Reading ease in words; the Flesch numbers only when asked for.
    const reading = river.locator('.cdm-review__reading')
    await expect(reading.locator('strong').textContent()).resolves.toMatch(
      /^(Easy to read|Quite hard|Hard)$/,
    )
    await expect(reading.getByText(/Reading ease \d/).isVisible()).resolves.toBe(false)
    await reading.getByText('Show the numbers').click()
    await reading.getByText(/Reading ease \d/).waitFor()
    // Each action says what happens next.
    await expect(
      river
        .getByRole('button', { name: 'Ask for changes', exact: true })
        .getAttribute('aria-describedby'),
    ).resolves.toBe('cdm-review-next-requestChanges')
    await river.getByText('The script goes back to the people writing it').waitFor()

    const firstLine = river.locator('.cdm-review__line').first()
    await firstLine.locator('.cdm-review__line-button').click()
    await river
      .locator('#cdm-new-comment')
      .fill('This sounds too formal for Dean. Could he just say hello?')
    await river.getByRole('button', { name: 'Comment', exact: true }).click()
    await river.locator('.cdm-review__comment').getByText('too formal for Dean').waitFor()
    await expect(firstLine.locator('.cdm-review__count').textContent()).resolves.toBe('1 comment')

    await act(river, 'Ask for changes', 'changesRequested')
    await screenshot(river, 'review-changes-requested')
  })

  it('should let the designer edit the line and send it back for review', async () => {
    await dana.goto(reviewUrl)
    await dana.locator('.cdm-my-reviews, .cdm-review').first().waitFor()
    await act(dana, 'Return to draft', 'draft')
    await editFirstLine(dana, scriptId, 'Hiya Sam. Alright?')

    await dana.goto(reviewUrl)
    await sendForReviewToRiverAndDana(dana)
    await expect(
      dana.locator('.cdm-review__line').first().locator('.cdm-review__text').textContent(),
    ).resolves.toBe('Hiya Sam. Alright?')
  })

  it('should be approved once the co-producer and a designer both approve', async () => {
    await river.goto(reviewUrl)
    // The comment still shows the words it was made on.
    await river.locator('.cdm-review__line').first().locator('.cdm-review__line-button').click()
    await river.locator('.cdm-review__comment').getByText('Made on earlier words').waitFor()
    await act(river, 'Approve this script', 'inReview')
    await expect(river.locator('.cdm-review__approvals').textContent()).resolves.toContain('River')

    await dana.goto(reviewUrl)
    await act(dana, 'Approve this script', 'approved')
    await screenshot(dana, 'review-approved')
  })

  it("should mark the clip's earlier voice tracks stale after the approved text is edited", async () => {
    await editFirstLine(dana, scriptId, 'Hiya Sam. You alright?')
    await dana.goto(reviewUrl)
    await expect(status(dana)).resolves.toBe('draft')

    const script = await dana.request.get(
      `${baseUrl()}/api/scripts/${scriptId}?depth=0&draft=true`,
      { headers: fromStudioPage() },
    )
    const clipId = ((await script.json()) as { clip: number }).clip
    await dana.goto(`${baseUrl()}/admin/collections/clips/${clipId}`)
    const stale = dana.locator('.cdm-media__stale')
    await stale.waitFor({ timeout: 30_000 })
    await expect(stale.locator('li').count()).resolves.toBeGreaterThanOrEqual(3)
    await expect(stale.textContent()).resolves.toContain('Voice track (Geordie (North East))')
    await screenshot(dana, 'clip-stale-media')
  })
})
