import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, fromStudioPage, launchBrowser, logIn, screenshot } from './helpers/browser'
import { SEED_ACCENTS, SEED_AUDIENCES, SEED_TOOLKIT } from '../../seed/content/toolkit'
import { DEMO_USERS } from '../../seed/demoUsers'
import { createDeliveryClient } from '../../src/delivery-client'
import { compareSemver } from '../../src/domain/releases/semver'

const publisher = DEMO_USERS.find((u) => u.role === 'publisher')!
const admin = DEMO_USERS.find((u) => u.role === 'admin')!
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-e2e-release-'))

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1100 },
    acceptDownloads: true,
  })
  page = await context.newPage()
  await logIn(page, publisher.email, publisher.password)
})

afterAll(async () => {
  await browser?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

/** Every clip the toolkit's exercises use, once the server's media jobs have processed them. */
async function waitForDemoMedia(): Promise<void> {
  const deadline = Date.now() + 240_000
  let last = ''
  while (Date.now() < deadline) {
    const response = await page.request.get(`${baseUrl()}/api/clips?limit=100&depth=0`, {
      headers: fromStudioPage(),
    })
    const clips = ((await response.json()) as { docs: { processing?: { status?: string } }[] }).docs
    const waiting = clips.filter((c) => c.processing?.status !== 'ready')
    const failed = clips.filter((c) => c.processing?.status === 'failed')
    if (failed.length) throw new Error(`media processing failed: ${JSON.stringify(failed)}`)
    if (clips.length > 0 && waiting.length === 0) return
    last = `${waiting.length} of ${clips.length} clips not ready`
    await page.waitForTimeout(3000)
  }
  throw new Error(`demo media not processed within 240 s: ${last}`)
}

/** The newest published or withdrawn version of the demo toolkit, if there is one. */
async function newestReleasedVersion(): Promise<string | null> {
  const response = await page.request.get(
    `${baseUrl()}/api/releases?where[status][in]=published,withdrawn&limit=100&depth=0`,
    { headers: fromStudioPage() },
  )
  expect(response.status()).toBe(200)
  const { docs } = (await response.json()) as { docs: { version: string }[] }
  return (
    docs
      .map((doc) => doc.version)
      .sort(compareSemver)
      .pop() ?? null
  )
}

/** Picks an option in one of Payload's relationship selects by typing part of its label. */
async function choose(field: string, label: string): Promise<void> {
  const input = page.locator(`#field-${field} .rs__input`)
  await input.click()
  await input.fill(label)
  await page.locator('.rs__option', { hasText: label }).first().click()
  await page.keyboard.press('Escape')
}

describe('a publisher releases the demo toolkit', () => {
  let releaseUrl = ''

  it('should create a draft release for every audience and pass preflight with full coverage', async () => {
    await waitForDemoMedia()
    await page.goto(`${baseUrl()}/admin/collections/releases/create`)
    await page.locator('.cdm-release').waitFor()
    await choose('toolkit', SEED_TOOLKIT.title)
    await page.locator('#field-version').fill('1.0.0')
    for (const audience of SEED_AUDIENCES) await choose('audiences', audience.label)
    for (const accent of SEED_ACCENTS) await choose('accents', accent.label)
    expect(await page.locator('#field-audiences .rs__multi-value').count()).toBe(
      SEED_AUDIENCES.length,
    )
    expect(await page.locator('#field-accents .rs__multi-value').count()).toBe(SEED_ACCENTS.length)
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/releases\/\d+$/, { timeout: 60_000 })
    releaseUrl = page.url()

    await page.locator('[data-preflight="ok"]').waitFor({ timeout: 90_000 })
    const coverage = page.locator('.cdm-coverage')
    expect(await coverage.locator('thead th').count()).toBe(SEED_AUDIENCES.length + 1)
    expect(await coverage.locator('[data-coverage="problem"]').count()).toBe(0)
    // Variant clips stand in for some audiences; the rest see the base clip.
    expect(await coverage.locator('[data-coverage="variant"]').count()).toBeGreaterThan(0)
    expect(await coverage.locator('[data-coverage="base"]').count()).toBeGreaterThan(24)
    // The player's browser test may have released a 0.x version of the toolkit on this server.
    const previous = await newestReleasedVersion()
    await page
      .getByText(previous ? `Changes since ${previous}` : 'First release: contents')
      .waitFor()
    expect(await page.locator('.cdm-release__changelog li').count()).toBeGreaterThan(0)
    await screenshot(page, 'release-preflight')
  })

  it('should build with live progress and show the published outputs', async () => {
    await page.getByRole('button', { name: 'Publish 1.0.0' }).click()
    await page.locator('progress[aria-label="Build progress"]').waitFor({ timeout: 30_000 })
    await screenshot(page, 'release-building')
    await page.locator('[data-release-status="published"]').waitFor({ timeout: 180_000 })
    const rows = page.locator('[data-output]')
    await rows.first().waitFor()
    expect(
      (await rows.evaluateAll((r) => r.map((n) => n.getAttribute('data-output')))).sort(),
    ).toEqual(SEED_AUDIENCES.map((a) => `${a.slug}.en-GB`).sort())
    await screenshot(page, 'release-published')
  })

  it('should download the offline bundle for one audience', async () => {
    const row = page.locator('[data-output="mainstream.en-GB"]')
    const expectedBytes = Number(
      await row.locator('[data-bundle-bytes]').getAttribute('data-bundle-bytes'),
    )
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'bundle.zip' }).click(),
    ])
    const file = path.join(tmp, download.suggestedFilename())
    await download.saveAs(file)
    expect(download.suggestedFilename()).toBe('1.0.0-mainstream.en-GB.bundle.zip')
    const bytes = fs.readFileSync(file)
    expect(bytes.length).toBe(expectedBytes)
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')
    const names = bytes.toString('latin1')
    expect(names).toContain('manifest.json')
    expect(names).toContain('manifest.sig.json')
    expect(releaseUrl).toBeTruthy()
  })

  it('should let a delivery app verify and sync the release for each audience', async () => {
    const adminContext = await browser.newContext()
    const adminPage = await adminContext.newPage()
    await logIn(adminPage, admin.email, admin.password)
    const apiKey = `e2e-delivery-key-${randomUUID()}`
    const created = await adminPage.request.post(`${baseUrl()}/api/delivery-apps`, {
      headers: fromStudioPage(),
      data: { name: 'E2E kiosk app', enableAPIKey: true, apiKey },
    })
    expect(created.status()).toBe(201)
    await adminContext.close()

    const client = createDeliveryClient({ baseUrl: baseUrl(), apiKey })
    const pinnedKeys = await client.keys()
    // One device switching between audiences: only the files that differ are fetched.
    const outDir = path.join(tmp, 'device')
    for (const audience of SEED_AUDIENCES) {
      const result = await client.syncRelease({
        toolkit: SEED_TOOLKIT.slug,
        audience: audience.slug,
        locale: 'en-GB',
        outDir,
        pinnedKeys,
      })
      expect(result.version, audience.slug).toBe('1.0.0')
      const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
        audience: { slug: string }
        modules: { mandatory: boolean }[]
      }
      expect(manifest.audience.slug).toBe(audience.slug)
      expect(manifest.modules[0].mandatory).toBe(true)
    }
  })
})
