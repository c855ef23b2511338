import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, fromStudioPage, launchBrowser, logIn, screenshot } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

const designer = DEMO_USERS.find((u) => u.role === 'designer')!

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1400, height: 1100 } })
  await logIn(page, designer.email, designer.password)
})

afterAll(async () => {
  await browser?.close()
})

/** The demo's first clip, once the server's media jobs have processed it. */
async function firstProcessedClip(): Promise<{ id: number }> {
  const deadline = Date.now() + 150_000
  while (Date.now() < deadline) {
    const response = await page.request.get(
      `${baseUrl()}/api/clips?where[slug][equals]=first-meeting&depth=0`,
      { headers: fromStudioPage() },
    )
    const clip = (
      (await response.json()) as { docs: { id: number; processing?: { status?: string } }[] }
    ).docs[0]
    if (clip?.processing?.status === 'ready') return clip
    if (clip?.processing?.status === 'failed')
      throw new Error(`clip processing failed: ${JSON.stringify(clip.processing)}`)
    await page.waitForTimeout(2000)
  }
  throw new Error('the first demo clip was not processed within 150 s')
}

describe('clip preview in the admin', () => {
  it('should play a processed clip, switch accent and toggle captions', async () => {
    const clip = await firstProcessedClip()
    await page.goto(`${baseUrl()}/admin/collections/clips/${clip.id}`)
    const video = page.locator('.cdm-player video')
    await video.waitFor({ timeout: 30_000 })
    await expect(page.locator('.cdm-media .cdm-status').first().textContent()).resolves.toBe(
      'Ready',
    )

    // The offline file streams through the media endpoint with Range support.
    await page.waitForFunction(
      () => (document.querySelector('.cdm-player video') as HTMLVideoElement)?.readyState >= 1,
    )
    const firstAccent = await video.getAttribute('data-accent')
    expect(firstAccent).toBe('en-GB-x-geordie')
    const duration = await video.evaluate((v: HTMLVideoElement) => v.duration)
    expect(duration).toBeGreaterThan(44)

    await page.locator('.cdm-player').getByLabel('Scouse (Merseyside)').check()
    await expect(video.getAttribute('data-accent')).resolves.toBe('en-GB-x-scouse')
    await page.waitForFunction(
      () => (document.querySelector('.cdm-player video') as HTMLVideoElement)?.readyState >= 1,
    )

    const toggle = page.getByRole('button', { name: /Captions (on|off)/ })
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true')
    const trackMode = () => video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)
    await expect(trackMode()).resolves.toBe('showing')
    await toggle.click()
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false')
    await expect(trackMode()).resolves.toBe('hidden')
    await toggle.click()
    await expect(trackMode()).resolves.toBe('showing')

    await expect(page.locator('.cdm-media__sync li').count()).resolves.toBe(3)
    await screenshot(page, 'clip-preview')
  })

  it('should show media status in the clips list', async () => {
    await page.goto(`${baseUrl()}/admin/collections/clips?limit=50`)
    await page.locator('.cdm-status').first().waitFor()
    const statuses = await page
      .locator('.cdm-status')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')))
    expect(statuses.length).toBe(28)
    expect(statuses).toContain('ready')
  })
})
