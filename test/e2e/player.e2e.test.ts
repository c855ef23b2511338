import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seriousViolations } from './helpers/axe'
import { pdfPages } from '../helpers/pdfText'
import { baseUrl, launchBrowser, screenshot } from './helpers/browser'
import { SEED_ACCENTS, SEED_TOOLKIT } from '../../seed/content/toolkit'
import { DEMO_USERS } from '../../seed/demoUsers'
import { cy } from '../../src/player/strings/cy'
import { en } from '../../src/player/strings/en'

/**
 * The toolkit player against a production build, as a delivery app: a published demo release,
 * a delivery app's key, and nothing else from the studio.
 */
const admin = DEMO_USERS.find((u) => u.role === 'admin')!
const apiKey = `e2e-player-${randomUUID()}`
let browser: Browser
let token = ''
let version = ''

async function studio(method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      origin: baseUrl(),
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null
  return { status: response.status, json }
}

const docs = async <T>(path: string) => ((await studio('GET', path)).json as { docs: T[] }).docs

async function waitFor<T>(
  what: string,
  seconds: number,
  probe: () => Promise<T | null>,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== null) return value
    await new Promise((resolve) => setTimeout(resolve, 3000))
  }
  throw new Error(`${what} did not happen within ${seconds} s`)
}

/** The demo toolkit's published release for the mainstream audience, publishing one if needed. */
async function publishedRelease(): Promise<string> {
  const asApp = { authorization: `delivery-apps API-Key ${apiKey}` }
  const latest = await fetch(
    `${baseUrl()}/api/delivery/toolkits/${SEED_TOOLKIT.slug}/releases/latest?audience=mainstream&locale=en-GB`,
    { headers: asApp },
  )
  if (latest.ok) return ((await latest.json()) as { version: string }).version
  await waitFor('demo media processing', 300, async () => {
    const clips = await docs<{ processing?: { status?: string } }>('/api/clips?limit=100&depth=0')
    if (clips.some((c) => c.processing?.status === 'failed')) throw new Error('media failed')
    return clips.length > 0 && clips.every((c) => c.processing?.status === 'ready') ? true : null
  })
  const [toolkit] = await docs<{ id: number }>(
    `/api/toolkits?where[slug][equals]=${SEED_TOOLKIT.slug}&depth=0`,
  )
  const [audience] = await docs<{ id: number }>(
    '/api/audiences?where[slug][equals]=mainstream&depth=0',
  )
  const accents = await docs<{ id: number; tag: string }>('/api/accents?limit=100&depth=0')
  // Below 1.0.0, so the publisher's own browser test can still release 1.0.0 on this server.
  const created = await studio('POST', '/api/releases', {
    toolkit: toolkit.id,
    version: '0.9.0',
    audiences: [audience.id],
    locales: ['en-GB'],
    accents: accents.filter((a) => SEED_ACCENTS.some((s) => s.tag === a.tag)).map((a) => a.id),
  })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  const id = (created.json as { doc: { id: number } }).doc.id
  const publish = await studio('POST', `/api/releases/${id}/publish`, {})
  expect(publish.status, JSON.stringify(publish.json)).toBe(202)
  await waitFor('the release build', 300, async () => {
    const { json } = await studio('GET', `/api/releases/${id}?depth=0`)
    if (json?.status === 'failed') throw new Error(`release failed: ${JSON.stringify(json)}`)
    return json?.status === 'published' ? true : null
  })
  return '0.9.0'
}

async function expectAccessible(page: Page, name: string) {
  expect(await seriousViolations(page), `axe on the ${name} page`).toEqual([])
}

/** Waits until the clip has played past `seconds`, saying what the player saw if it does not. */
async function playsPast(page: Page, seconds: number) {
  try {
    await page.waitForFunction(
      (s) => (document.querySelector('video')?.currentTime ?? 0) > s,
      seconds,
      { timeout: 30_000 },
    )
  } catch (error) {
    const state = await page.evaluate(() => {
      const video = document.querySelector('video')
      return {
        engine: document.querySelector('[data-engine]')?.getAttribute('data-engine'),
        currentTime: video?.currentTime,
        readyState: video?.readyState,
        networkState: video?.networkState,
        error: video?.error?.message,
        alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent),
      }
    })
    throw new Error(`the clip did not play past ${seconds} s: ${JSON.stringify(state)}`, {
      cause: error,
    })
  }
}

const currentTime = (page: Page) =>
  page.locator('video').evaluate((video: HTMLVideoElement) => video.currentTime)

async function setUp(page: Page, mode: 'practitioner' | 'participant') {
  await page.goto(`${baseUrl()}/player`)
  await page.getByLabel(en.apiKeyLabel).fill(apiKey)
  await page.getByLabel(mode === 'practitioner' ? en.modePractitioner : en.modeParticipant).check()
  await page.getByRole('button', { name: en.connect }).click()
  await page.getByRole('button', { name: `Choose ${SEED_TOOLKIT.title}` }).click()
  await page.getByLabel(en.audienceLabel).selectOption('mainstream')
  await page.getByRole('button', { name: en.checkRelease }).click()
}

beforeAll(async () => {
  const login = await studio('POST', '/api/users/login', {
    email: admin.email,
    password: admin.password,
  })
  token = String(login.json?.token ?? '')
  const app = await studio('POST', '/api/delivery-apps', {
    name: 'E2E toolkit player',
    enableAPIKey: true,
    apiKey,
  })
  expect(app.status).toBe(201)
  version = await publishedRelease()
  browser = await launchBrowser()
}, 700_000)

afterAll(async () => {
  await browser?.close()
})

/** Each line of caption text, tags and voices left out, and when the release's captions start it. */
async function releasedCueStarts(): Promise<Map<string, number>> {
  const asApp = { authorization: `delivery-apps API-Key ${apiKey}` }
  const manifest = (await (
    await fetch(
      `${baseUrl()}/api/delivery/toolkits/${SEED_TOOLKIT.slug}/releases/${await publishedRelease()}/manifest.json?audience=mainstream&locale=en-GB`,
      { headers: asApp },
    )
  ).json()) as { modules: { exercises: { clip?: { captions?: { sha256: string }[] } }[] }[] }
  const starts = new Map<string, number>()
  for (const exercise of manifest.modules.flatMap((m) => m.exercises)) {
    for (const { sha256 } of exercise.clip?.captions ?? []) {
      const vtt = await (
        await fetch(`${baseUrl()}/api/delivery/assets/${sha256}`, { headers: asApp })
      ).text()
      for (const block of vtt.split(/\r?\n\r?\n/)) {
        const timing = /(\d+):(\d{2}):(\d{2}\.\d{3}) -->/.exec(block)
        if (!timing) continue
        const text = block.slice(block.indexOf('\n', timing.index) + 1)
        const at = Number(timing[1]) * 3600 + Number(timing[2]) * 60 + Number(timing[3])
        starts.set(plainCue(text), at)
      }
    }
  }
  return starts
}

const plainCue = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * hls.js places each cue where the captions time it: the subtitle segment's X-TIMESTAMP-MAP
 * ties the cues' zero to the video's first MPEG-TS timestamp (ffmpeg's starts at 1.4 s).
 */
async function expectCuesWhereCaptionsTimeThem(page: Page) {
  await page.waitForFunction(
    () => (document.querySelector('video')?.textTracks[0]?.cues?.length ?? 0) > 0,
    undefined,
    { timeout: 30_000 },
  )
  const shown = await page.locator('video').evaluate((v: HTMLVideoElement) =>
    Array.from(v.textTracks[0].cues ?? []).map((c) => ({
      start: c.startTime,
      text: (c as VTTCue).text,
    })),
  )
  const starts = await releasedCueStarts()
  for (const cue of shown.slice(0, 5)) {
    const expected = starts.get(plainCue(cue.text))
    expect(expected, `the cue "${cue.text}" in the release's captions`).toBeDefined()
    expect(Math.abs(cue.start - expected!), `"${cue.text}" starts at ${cue.start}`).toBeLessThan(
      0.05,
    )
  }
}

describe('the toolkit player in a practitioner session', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    // Room for every script in resource timing, for the size figures below.
    await context.addInitScript(() => performance.setResourceTimingBufferSize(10_000))
    page = await context.newPage()
  })
  afterAll(async () => context?.close())

  it('should take its key from a link fragment, never sent to the server, and pin the keys', async () => {
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await page.goto(`${baseUrl()}/player#key=${encodeURIComponent(apiKey)}`)
    await expect(page.getByLabel(en.apiKeyLabel).inputValue()).resolves.toBe(apiKey)
    expect(page.url()).not.toContain(apiKey)
    expect(requested.filter((url) => url.includes(apiKey))).toEqual([])
    await expectAccessible(page, 'setup')
    // Installable: a web app manifest scoped to the player, with icons.
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    const webManifest = (await (await page.request.get(`${baseUrl()}${href}`)).json()) as {
      start_url: string
      icons: unknown[]
    }
    expect(webManifest.start_url).toBe('/player')
    expect(webManifest.icons.length).toBeGreaterThan(0)

    await page.getByLabel(en.languageLabel).selectOption('cy')
    await page.getByRole('heading', { name: cy.setupTitle }).waitFor()
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy')
    await expectAccessible(page, 'setup in Welsh')
    await page.getByLabel(cy.languageLabel).selectOption('en-GB')

    await page.getByRole('button', { name: en.connect }).click()
    await page.getByRole('heading', { name: en.libraryTitle }).waitFor()
    await expectAccessible(page, 'library')
  })

  it('should check the release’s signature, show its size, then download and check every file', async () => {
    await page.getByRole('button', { name: `Choose ${SEED_TOOLKIT.title}` }).click()
    await page.getByLabel(en.audienceLabel).selectOption('mainstream')
    await page.getByLabel(en.localeLabel).selectOption('en-GB')
    await page.getByRole('button', { name: en.checkRelease }).click()
    await page.getByText(`Version ${version} is signed by the studio`).waitFor({ timeout: 60_000 })
    const full = Number(
      await page.locator('[data-download-bytes]').getAttribute('data-download-bytes'),
    )
    await page.getByLabel(en.lowDataLabel).check()
    const low = Number(
      await page.locator('[data-download-bytes]').getAttribute('data-download-bytes'),
    )
    expect(low).toBeGreaterThan(0)
    expect(low).toBeLessThan(full)
    await page.getByLabel(en.lowDataLabel).uncheck()
    await expectAccessible(page, 'prepare')
    await screenshot(page, 'player-prepare')
    await page.getByRole('button', { name: /^Download and check/ }).click()
    await page.locator('[data-screen="session"]').waitFor({ timeout: 240_000 })
  }, 300_000)

  it('should walk clip, worksheet, summary, task and diary, and jump to any exercise', async () => {
    await expect(page.locator('[data-foundation]').count()).resolves.toBeGreaterThan(0)
    await expectAccessible(page, 'session: clip')
    const firstTitle = await page.locator('#exercise-title').textContent()
    const steps = [en.stepClip, en.stepWorksheet, en.stepSummary, en.stepTask, en.stepDiary]
    for (const step of steps) {
      await expect(page.locator('h3[data-step]').textContent()).resolves.toBe(step)
      if (step !== en.stepClip) await expectAccessible(page, `session: ${step}`)
      await page.getByRole('button', { name: en.next, exact: true }).click()
    }
    await expect(page.locator('h3[data-step]').textContent()).resolves.toBe(en.stepClip)
    expect(await page.locator('#exercise-title').textContent()).not.toBe(firstTitle)

    const outline = page.locator('nav.cdm-outline')
    // The demo co-producer approved the scripts and agreed to be credited by pseudonym.
    await outline.getByText(en.credits.replace('{names}', 'River')).waitFor()
    const last = outline.locator('li button').last()
    const lastTitle = (await last.textContent())!.split(' · ')[0]
    await last.click()
    await expect(page.locator('#exercise-title').textContent()).resolves.toContain(lastTitle)
    await expect(last.getAttribute('aria-current')).resolves.toBe('step')
    await outline.locator('li button').first().click()
    await expect(page.locator('#exercise-title').textContent()).resolves.toBe(firstTitle)
    await screenshot(page, 'player-session')
  })

  it('should switch accent keeping position and play state, and change captions, speed and position', async () => {
    const video = page.locator('video')
    await page.getByRole('button', { name: en.play, exact: true }).click()
    await playsPast(page, 2)
    await expect(page.locator('[data-engine]').getAttribute('data-engine')).resolves.toBe('hls.js')
    const before = await currentTime(page)
    await page.getByLabel(en.accentLabel).selectOption(SEED_ACCENTS[1].tag)
    await page.locator(`[data-audio-language="${SEED_ACCENTS[1].tag}"]`).waitFor()
    await page.waitForTimeout(1500)
    const after = await currentTime(page)
    expect(after).toBeGreaterThan(before)
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false)

    const captions = page.getByRole('button', { name: en.captionsOn })
    await expect(captions.getAttribute('aria-pressed')).resolves.toBe('true')
    await expect(video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)).resolves.toBe(
      'showing',
    )
    await expectCuesWhereCaptionsTimeThem(page)
    await captions.click()
    await expect(
      page.getByRole('button', { name: en.captionsOff }).getAttribute('aria-pressed'),
    ).resolves.toBe('false')
    await expect(video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)).resolves.toBe(
      'hidden',
    )
    await page.getByRole('button', { name: en.captionsOff }).click()
    await page.getByRole('button', { name: en.captionsBigger }).click()
    await expect(page.locator('.cdm-clip--big-captions').count()).resolves.toBe(1)

    await page.getByRole('button', { name: en.speedSlow }).click()
    await expect(video.evaluate((v: HTMLVideoElement) => v.playbackRate)).resolves.toBe(0.75)
    await page.getByRole('button', { name: en.speedNormal }).click()
    await expect(video.evaluate((v: HTMLVideoElement) => v.playbackRate)).resolves.toBe(1)

    await playsPast(page, 11)
    const beforeRewind = await currentTime(page)
    await page.getByRole('button', { name: en.rewind }).click()
    const rewound = await currentTime(page)
    expect(rewound).toBeLessThan(beforeRewind - 8)

    // Keyboard: the buttons take Enter; the player takes k to pause and play.
    await page.getByRole('button', { name: en.pause, exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect(video.evaluate((v: HTMLVideoElement) => v.paused)).resolves.toBe(true)
    await page.keyboard.press('k')
    await expect(video.evaluate((v: HTMLVideoElement) => v.paused)).resolves.toBe(false)
    await expectAccessible(page, 'session: playing clip')
    await screenshot(page, 'player-clip')
  }, 120_000)
  it('should keep its own JavaScript within 150 KB gzipped, and say what else it loads', async () => {
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.includes('/_next/static/') && name.endsWith('.js')),
    )
    const sizes = { own: 0, hls: 0, framework: 0 }
    for (const url of new Set(scripts)) {
      const text = await (await fetch(url)).text()
      const gzipped = gzipSync(text, { level: 9 }).length
      if (text.includes('hlsManifestParsed')) sizes.hls += gzipped
      else if (text.includes('cdm-player-assets')) sizes.own += gzipped
      else sizes.framework += gzipped
    }
    console.log(
      `player JavaScript, gzipped: own ${sizes.own} B; React and Next ${sizes.framework} B; hls.js ${sizes.hls} B (loaded only to play HLS)`,
    )
    expect(sizes.own).toBeGreaterThan(0)
    expect(sizes.hls).toBeGreaterThan(0)
    expect(sizes.own).toBeLessThanOrEqual(150_000)
  })
})

describe('the toolkit player for a participant, offline', () => {
  it('should keep a low-data download usable offline, diary included, sending nothing about them', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      acceptDownloads: true,
    })
    const page = await context.newPage()
    const sent: { method: string; url: string; body: string }[] = []
    context.on('request', (request) =>
      sent.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' }),
    )
    page.on('response', (response) => {
      if (response.status() === 404) console.log(`player offline test: 404 for ${response.url()}`)
    })
    await setUp(page, 'participant')
    await page.getByText(`Version ${version} is signed by the studio`).waitFor({ timeout: 60_000 })
    await page.getByLabel(en.lowDataLabel).check()
    await page.getByRole('button', { name: /^Download and check/ }).click()
    await page.locator('[data-screen="session"]').waitFor({ timeout: 240_000 })

    await context.setOffline(true)
    await expect(
      page.evaluate(() =>
        fetch('/api/delivery/keys').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).resolves.toBe('offline')
    await page.reload()
    await page.getByRole('heading', { name: en.downloadedTitle }).waitFor()
    await page.getByRole('button', { name: en.openDownloaded }).click()
    await page.locator('[data-screen="session"]').waitFor()
    await page.getByRole('button', { name: en.play, exact: true }).click()
    await playsPast(page, 1.5)
    const height = await page.locator('video').evaluate((v: HTMLVideoElement) => v.videoHeight)
    expect(height).toBeLessThanOrEqual(360)

    await page.getByRole('button', { name: en.next, exact: true }).click()
    await expect(page.locator('h3[data-step]').textContent()).resolves.toBe(en.stepWorksheet)
    expect(await page.locator('.cdm-questions li').count()).toBeGreaterThan(0)
    // The printable worksheets come from the device too: paper is what is left offline.
    const [printout] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en.printable }).click(),
    ])
    expect(printout.suggestedFilename()).toBe(en.printableFile)
    const pdf = fs.readFileSync(await printout.path())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(await pdfPages(pdf)).toEqual(
      expect.arrayContaining([expect.stringContaining(en.stepWorksheet)]),
    )
    for (let i = 0; i < 3; i++)
      await page.getByRole('button', { name: en.next, exact: true }).click()
    await expect(page.locator('h3[data-step]').textContent()).resolves.toBe(en.stepDiary)
    const entry = `Private diary entry ${randomUUID()}`
    await page.locator('.cdm-step textarea').first().fill(entry)
    await page.getByRole('button', { name: en.diarySave }).first().click()
    await page.getByText(en.diarySaved).waitFor()
    await expectAccessible(page, 'offline diary step')

    await page.getByRole('button', { name: en.myDiary, exact: true }).click()
    await page.getByText(entry).waitFor()
    await expectAccessible(page, 'my diary')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en.diaryExport }).click(),
    ])
    const file = await download.path()
    expect(fs.readFileSync(file, 'utf8')).toContain(entry)
    await screenshot(page, 'player-diary')

    expect(
      sent.filter((r) => r.body.includes(entry) || r.url.includes(encodeURIComponent(entry))),
    ).toEqual([])
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([])
    await context.close()
  }, 400_000)
})

describe('the toolkit player without HLS', () => {
  it('should play the offline MP4 and keep position and play state across an accent switch', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    // A browser with neither Media Source Extensions nor its own HLS.
    await context.addInitScript(() => {
      delete (window as { MediaSource?: unknown }).MediaSource
      const canPlayType = HTMLMediaElement.prototype.canPlayType
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return type.includes('mpegurl') ? '' : canPlayType.call(this, type)
      }
    })
    const page = await context.newPage()
    await setUp(page, 'practitioner')
    await page.getByText(`Version ${version} is signed by the studio`).waitFor({ timeout: 60_000 })
    await page.getByRole('button', { name: /^Download and check/ }).click()
    await page.locator('[data-screen="session"]').waitFor({ timeout: 240_000 })
    await expect(
      page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''),
    ).resolves.toContain('/player/sw.js')
    await page.getByRole('button', { name: en.play, exact: true }).click()
    await playsPast(page, 2)
    await expect(page.locator('[data-engine]').getAttribute('data-engine')).resolves.toBe('mp4')
    const before = await currentTime(page)
    const source = await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentSrc)
    await page.getByLabel(en.accentLabel).selectOption(SEED_ACCENTS[1].tag)
    await page.waitForFunction((old) => document.querySelector('video')?.currentSrc !== old, source)
    await playsPast(page, before + 0.5)
    expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.paused)).toBe(false)
    await context.close()
  }, 300_000)
})

describe('the toolkit player and a changed file', () => {
  it('should refuse a release whose asset does not match its sha256, with a plain message', async () => {
    const context = await browser.newContext()
    // Whoever sits on the way changes the picture of the first poster it sees.
    let tampered = ''
    await context.route(/\/api\/delivery\/assets\/[0-9a-f]{64}(\.[a-z0-9]+)?$/, async (route) => {
      const response = await route.fetch()
      const body = await response.body()
      if (!tampered && response.headers()['content-type']?.startsWith('image/')) {
        tampered = route.request().url()
        body[body.length - 3] ^= 0xff
      }
      await route.fulfill({ response, body })
    })
    const page = await context.newPage()
    await setUp(page, 'practitioner')
    await page.getByText(`Version ${version} is signed by the studio`).waitFor({ timeout: 60_000 })
    await page.getByRole('button', { name: /^Download and check/ }).click()
    await page.getByText(en.refusedTampered).waitFor({ timeout: 240_000 })
    // The player asks for each file by the name the manifest gives it, with its extension.
    expect(tampered).toMatch(/\/[0-9a-f]{64}\.jpg$/)
    await expectAccessible(page, 'refused download')
    await screenshot(page, 'player-tampered')
    await page.getByRole('button', { name: en.backToLibrary }).click()
    await page.getByText(en.downloadedNone).waitFor()
    await context.close()
  }, 300_000)
})
