import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seriousViolations } from './helpers/axe'
import { baseUrl, launchBrowser, logIn, screenshot, studioJson } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

/**
 * A co-producer says a comment instead of typing it: Chromium's fake microphone (a steady
 * tone) is recorded with MediaRecorder, heard back, sent with a typed note, then played from the
 * comments, all with the keyboard. The recording is stored and checked by the real server.
 */
const coProducer = DEMO_USERS.find((u) => u.role === 'coProducer')!

interface VoiceCommentDoc {
  id: number | string
  filename: string
  mimeType: string
  durationMs: number | null
  lineId: string | null
}

let browser: Browser
let context: BrowserContext
let river: Page
const made: string[] = []

beforeAll(async () => {
  browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ])
  context = await browser.newContext({
    viewport: { width: 1400, height: 1100 },
    permissions: ['microphone'],
  })
  river = await context.newPage()
  await logIn(river, coProducer.email, coProducer.password)
}, 120_000)

afterAll(async () => {
  for (const url of made.reverse()) await studioJson(river, 'DELETE', url).catch(() => undefined)
  await context?.close()
  await browser?.close()
})

/** Plays an audio element until it has played `seconds` of sound. */
async function playsFor(page: Page, selector: string, seconds: number) {
  await page.locator(selector).evaluate((audio: HTMLAudioElement) => audio.play())
  await page.waitForFunction(
    ({ selector, seconds }) => {
      const audio = document.querySelector<HTMLAudioElement>(selector)
      return audio !== null && audio.currentTime >= seconds
    },
    { selector, seconds },
    { timeout: 20_000 },
  )
}

describe('a voice comment', () => {
  it('should be recorded, heard back, sent and played in the comments', async () => {
    const { docs } = await studioJson<{ docs: { id: number }[] }>(
      river,
      'GET',
      '/api/scripts?depth=0&limit=1&sort=id',
    )
    expect(docs.length, 'a script River reviews').toBe(1)
    await river.goto(`${baseUrl()}/admin/collections/scripts/${docs[0].id}/review`)
    const firstLine = river.locator('li[data-line-id]').first()
    const lineId = await firstLine.getAttribute('data-line-id')
    await firstLine.locator('.cdm-review__line-button').focus()
    await river.keyboard.press('Enter')
    await river.getByRole('heading', { name: /^Comments on .+'s line$/ }).waitFor()

    const record = river.getByRole('button', { name: 'Record a voice comment' })
    await record.focus()
    await river.keyboard.press('Enter')
    const status = river.locator('.cdm-review__voice-status')
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Recording…/)
    await river.waitForTimeout(2500)
    await river.getByRole('button', { name: 'Stop recording' }).focus()
    await river.keyboard.press('Enter')
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Recorded 0:0\d/)
    // Heard back before sending.
    await playsFor(river, 'audio[aria-label="Your recording"]', 1)
    expect(await seriousViolations(river, '.cdm-review__comments')).toEqual([])

    await river.getByLabel('Typed note (you can leave this empty)').fill('Said, not typed.')
    const posted = river.waitForResponse(
      (r) => r.url().endsWith('/api/voice-comments') && r.request().method() === 'POST',
    )
    await river.getByRole('button', { name: 'Send voice comment' }).focus()
    await river.keyboard.press('Enter')
    const answer = await posted
    expect(answer.status(), await answer.text()).toBe(201)
    const { doc } = (await answer.json()) as { doc: VoiceCommentDoc & { comment: number } }
    made.push(`/api/comments/${doc.comment}`)
    expect(doc.lineId).toBe(lineId)
    expect(doc.mimeType).toMatch(/^(audio|video)\/webm/)
    // The browser's recording states no duration; the server timed it by its packets.
    expect(doc.durationMs).toBeGreaterThan(1500)
    expect(doc.durationMs).toBeLessThan(10_000)

    const thread = river.locator(`[data-comment-id="${doc.comment}"]`)
    await thread.waitFor()
    await expect(thread.textContent()).resolves.toContain('Said, not typed.')
    const player = `[data-comment-id="${doc.comment}"] audio`
    await expect(river.locator(player).getAttribute('aria-label')).resolves.toMatch(
      new RegExp(`^Voice comment from ${coProducer.displayName}, 0:0\\d long$`),
    )
    await playsFor(river, player, 1)
    expect(await seriousViolations(river, '.cdm-review__comments')).toEqual([])
    await screenshot(river, 'review-voice-comment')
  })

  it('should say so plainly when the microphone is refused', async () => {
    const refused = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
    await refused.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
    })
    const page = await refused.newPage()
    await logIn(page, coProducer.email, coProducer.password)
    const { docs } = await studioJson<{ docs: { id: number }[] }>(
      page,
      'GET',
      '/api/scripts?depth=0&limit=1&sort=id',
    )
    await page.goto(`${baseUrl()}/admin/collections/scripts/${docs[0].id}/review`)
    await page.getByRole('button', { name: 'Record a voice comment' }).click()
    await expect(
      page.getByRole('alert').filter({ hasText: 'microphone' }).textContent(),
    ).resolves.toBe(
      'The browser was not allowed to use the microphone. Allow it in the address bar, or type your comment instead.',
    )
    await refused.close()
  })
})
