import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seriousViolations } from './helpers/axe'
import { baseUrl, launchBrowser, logIn, screenshot, studioJson } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

/**
 * The review as a co-producer hears and sees it: a line's stretch of the recorded voice, the
 * clip played from a line with the spoken line highlighted, the computer voice where nothing
 * is recorded yet, all by keyboard too. On the demo's own processed media.
 */
const coProducer = DEMO_USERS.find((u) => u.role === 'coProducer')!
const admin = DEMO_USERS.find((u) => u.role === 'admin')!

interface Line {
  lineId: string
  text: string
  timing: { startMs: number; endMs: number } | null
}
interface Review {
  media: { voices: unknown[]; videos: unknown[] }
  script: { scenes: { lines: Line[] }[] }
}

let browser: Browser
let context: BrowserContext
let river: Page
const made: string[] = []

let chosen: Promise<{ id: number; lines: Line[] }> | null = null

/**
 * A script River reviews whose clip has its media made (the demo's jobs may still be running),
 * the same one for every test, though more become ready meanwhile.
 */
function scriptWithMedia(): Promise<{ id: number; lines: Line[] }> {
  chosen ??= findScriptWithMedia()
  return chosen
}

async function findScriptWithMedia(): Promise<{ id: number; lines: Line[] }> {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    const { docs } = await studioJson<{ docs: { id: number }[] }>(
      river,
      'GET',
      '/api/scripts?depth=0&limit=100&sort=id',
    )
    for (const { id } of docs) {
      const review = await studioJson<Review>(river, 'GET', `/api/scripts/${id}/review`)
      const lines = review.script.scenes.flatMap((s) => s.lines)
      if (review.media.voices.length && review.media.videos.length && lines.length >= 3)
        return { id, lines }
    }
    await river.waitForTimeout(3000)
  }
  throw new Error('no script of the co-producer has processed media within 240 s')
}

const lineItem = (lineId: string) => river.locator(`li[data-line-id="${lineId}"]`)

beforeAll(async () => {
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
  // The computer voice is the browser's; record what it is asked to say.
  await context.addInitScript(() => {
    const spoken: string[] = []
    Object.assign(window, { spoken })
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      spoken.push(utterance.text)
      setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 300)
    }
  })
  river = await context.newPage()
  await logIn(river, coProducer.email, coProducer.password)
}, 120_000)

afterAll(async () => {
  if (made.length) {
    const adminContext = await browser.newContext()
    const page = await adminContext.newPage()
    await logIn(page, admin.email, admin.password)
    for (const url of made.reverse()) await studioJson(page, 'DELETE', url).catch(() => undefined)
    await adminContext.close()
  }
  await context?.close()
  await browser?.close()
})

describe('a review you can listen to and watch', () => {
  it("should play a line's stretch of the voice and stop at its end", async () => {
    const { id, lines } = await scriptWithMedia()
    await river.goto(`${baseUrl()}/admin/collections/scripts/${id}/review`)
    await river.locator('.cdm-review__media video').waitFor()
    expect(await seriousViolations(river, '.cdm-review')).toEqual([])

    const line = lines[1]
    await lineItem(line.lineId)
      .getByRole('button', { name: /^Listen: / })
      .click()
    await lineItem(line.lineId).and(river.locator('[data-speaking="voice"]')).waitFor()
    // Playing within the line's stretch, then stopped at its end.
    await river.waitForFunction((start) => {
      const audio = document.querySelector<HTMLAudioElement>('audio[data-voice-player]')!
      return !audio.paused && audio.currentTime * 1000 >= start
    }, line.timing!.startMs)
    await lineItem(line.lineId)
      .and(river.locator('[data-speaking]'))
      .waitFor({
        state: 'detached',
        timeout: line.timing!.endMs - line.timing!.startMs + 10_000,
      })
    const stoppedAt = await river.evaluate(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio[data-voice-player]')!
      return { paused: audio.paused, ms: audio.currentTime * 1000 }
    })
    expect(stoppedAt.paused).toBe(true)
    expect(stoppedAt.ms).toBeGreaterThanOrEqual(line.timing!.endMs)
    // timeupdate fires about four times a second: the stop is at most one tick late.
    expect(stoppedAt.ms).toBeLessThan(line.timing!.endMs + 1000)
  })

  it('should play the clip from a chosen line and highlight the line being spoken', async () => {
    const { lines } = await scriptWithMedia()
    const line = lines[2]
    await lineItem(line.lineId)
      .getByRole('button', { name: /^Watch from here: / })
      .click()
    await river.waitForFunction((start) => {
      const video = document.querySelector<HTMLVideoElement>('.cdm-review__media video')!
      return !video.paused && video.currentTime * 1000 >= start
    }, line.timing!.startMs)
    await river.locator('li[data-speaking="clip"]').first().waitFor()
    const spoken = await river.locator('li[data-speaking="clip"]').getAttribute('data-line-id')
    const index = lines.findIndex((l) => l.lineId === spoken)
    // The chosen line, or the next if the clip has moved on already.
    expect([2, 3]).toContain(index)
    await expect(river.locator('li[aria-current="true"]').count()).resolves.toBe(1)
    await screenshot(river, 'review-watch-line')
    await river.locator('.cdm-review__media video').evaluate((v: HTMLVideoElement) => v.pause())
    await river.locator('li[data-speaking]').waitFor({ state: 'detached' })
  })

  it('should work from the keyboard alone', async () => {
    const { lines } = await scriptWithMedia()
    const listen = lineItem(lines[0].lineId).getByRole('button', { name: /^Listen: / })
    await listen.focus()
    await river.keyboard.press('Enter')
    await lineItem(lines[0].lineId).and(river.locator('[data-speaking="voice"]')).waitFor()
    // The same button now stops it.
    await river.keyboard.press('Enter')
    await lineItem(lines[0].lineId).and(river.locator('[data-speaking]')).waitFor({
      state: 'detached',
    })
    await river.keyboard.press('Tab')
    const focused = await river.evaluate(() => document.activeElement?.textContent)
    expect(focused).toBe('Watch from here')
  })

  it('should read a line aloud in a computer voice, said so, when nothing is recorded yet', async () => {
    const adminContext = await browser.newContext()
    const adminPage = await adminContext.newPage()
    await logIn(adminPage, admin.email, admin.password)
    const me = await studioJson<{ user: { id: number } }>(river, 'GET', '/api/users/me')
    const suffix = Date.now().toString(36)
    const clip = await studioJson<{ doc: { id: number } }>(adminPage, 'POST', '/api/clips', {
      title: `Not recorded yet ${suffix}`,
      slug: `not-recorded-${suffix}`,
    })
    made.push(`/api/clips/${clip.doc.id}`)
    const script = await studioJson<{ doc: { id: number } }>(adminPage, 'POST', '/api/scripts', {
      title: `Unrecorded ${suffix}`,
      clip: clip.doc.id,
      assignedCoProducers: [me.user.id],
      characters: [{ name: 'Dean' }],
      scenes: [{ heading: 'One', lines: [{ speaker: 'Dean', text: 'I am not recorded yet.' }] }],
      _status: 'published',
    })
    made.push(`/api/scripts/${script.doc.id}`)
    await adminContext.close()

    await river.goto(`${baseUrl()}/admin/collections/scripts/${script.doc.id}/review`)
    await river.getByText('No voice is recorded yet: "Read aloud" uses a computer voice.').waitFor()
    const readAloud = river.getByRole('button', {
      name: 'Read aloud (computer voice): Dean: I am not recorded yet.',
    })
    await readAloud.click()
    await river.locator('li[data-speaking="speech"]').waitFor()
    expect(await river.evaluate(() => (window as unknown as { spoken: string[] }).spoken)).toEqual([
      'I am not recorded yet.',
    ])
    await river.locator('li[data-speaking]').waitFor({ state: 'detached' })
    expect(await river.getByRole('button', { name: /^Watch from here/ }).count()).toBe(0)
    expect(await seriousViolations(river, '.cdm-review')).toEqual([])
  })
})
