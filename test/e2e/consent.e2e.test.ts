import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seriousViolations } from './helpers/axe'
import { baseUrl, launchBrowser, logIn, screenshot, studioJson } from './helpers/browser'
import { SEED_TOOLKIT } from '../../seed/content/toolkit'
import { DEMO_USERS } from '../../seed/demoUsers'

/**
 * A co-producer withdraws consent to their voice in their account; the next release's
 * preflight is blocked in the release panel; an admin erases their real name and email, and
 * the account can no longer sign in. On the shared demo server, with a co-producer of its own:
 * the demo's voice track it borrows is given back in afterAll.
 */
const admin = DEMO_USERS.find((u) => u.role === 'admin')!
const suffix = randomUUID().slice(0, 8)
const person = {
  email: `kit-${suffix}@e2e.example`,
  password: `Kit's own long passphrase ${suffix}`,
  pseudonym: `Kit ${suffix}`,
  realName: `Kit Realname ${suffix}`,
}

let browser: Browser
let adminContext: BrowserContext
let adminPage: Page
let personContext: BrowserContext
let personPage: Page
let personId: number
let voiceTrackId: number
let releaseId: number | null = null

const api = <T>(method: string, url: string, data?: unknown): Promise<T> =>
  studioJson<T>(adminPage, method, url, data)

beforeAll(async () => {
  browser = await launchBrowser()
  adminContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  adminPage = await adminContext.newPage()
  await logIn(adminPage, admin.email, admin.password)

  const created = await api<{ doc: { id: number } }>('POST', '/api/users', {
    ...person,
    role: 'coProducer',
    displayName: person.pseudonym,
  })
  personId = created.doc.id
  await api('POST', '/api/consents', {
    coProducer: personId,
    consentTextVersion: '2026-11 v2',
    agreedAt: '2026-11-20T00:00:00.000Z',
    credit: true,
    words: true,
    voice: true,
  })
  // A voice in the demo toolkit, recorded (for this test) by the new co-producer.
  const { docs } = await api<{ docs: { voiceTracks?: { track: number }[] }[] }>(
    'GET',
    '/api/clips?depth=0&limit=100',
  )
  voiceTrackId = docs.find((clip) => clip.voiceTracks?.length)!.voiceTracks![0].track
  await api('PATCH', `/api/voice-tracks/${voiceTrackId}`, { recordedBy: personId })

  personContext = await browser.newContext({ viewport: { width: 1200, height: 1000 } })
  personPage = await personContext.newPage()
  await logIn(personPage, person.email, person.password)
}, 180_000)

afterAll(async () => {
  if (adminPage) {
    if (voiceTrackId) await api('PATCH', `/api/voice-tracks/${voiceTrackId}`, { recordedBy: null })
    if (releaseId) await api('DELETE', `/api/releases/${releaseId}`)
  }
  await browser?.close()
})

describe('consent, withdrawal and erasure', () => {
  it('should show a co-producer what they agreed to, and let them withdraw their voice', async () => {
    await personPage.goto(`${baseUrl()}/admin/account`)
    const panel = personPage.locator('.cdm-privacy')
    await panel.getByRole('heading', { name: 'Your consent' }).waitFor({ timeout: 60_000 })
    await panel.getByText('Agreed on 20 November 2026 (consent text 2026-11 v2).').waitFor()
    expect(await seriousViolations(personPage, '.cdm-privacy')).toEqual([])

    await panel.getByRole('button', { name: 'Withdraw: My recorded voice can be used' }).click()
    const confirm = panel.getByRole('group', { name: 'Confirm withdrawal' })
    await confirm.getByText('New releases will not use your recorded voice.').waitFor()
    await confirm.getByRole('button', { name: 'Yes, withdraw' }).click()
    await panel
      .getByRole('status')
      .getByText(/^Withdrawn: "My recorded voice can be used"/)
      .waitFor()
    await panel
      .locator('[data-part="voice"]')
      .getByText(/^Withdrawn on /)
      .waitFor()
    // The other parts stand.
    await panel.getByRole('button', { name: 'Withdraw: My words can be used in clips' }).waitFor()
    await screenshot(personPage, 'consent-withdrawn')
  })

  it('should block the next release in the release panel, naming the co-producer by pseudonym', async () => {
    const toolkits = await api<{ docs: { id: number }[] }>(
      'GET',
      `/api/toolkits?depth=0&where[slug][equals]=${SEED_TOOLKIT.slug}`,
    )
    const accents = await api<{ docs: { id: number }[] }>('GET', '/api/accents?depth=0&limit=100')
    const audiences = await api<{ docs: { id: number }[] }>(
      'GET',
      '/api/audiences?depth=0&limit=100',
    )
    const release = await api<{ doc: { id: number } }>('POST', '/api/releases', {
      toolkit: toolkits.docs[0].id,
      version: `99.0.0-consent.${suffix.replace(/[^0-9a-z]/g, '')}`,
      audiences: audiences.docs.map((a) => a.id),
      accents: accents.docs.map((a) => a.id),
      locales: ['en-GB'],
    })
    releaseId = release.doc.id
    await adminPage.goto(`${baseUrl()}/admin/collections/releases/${releaseId}`)
    await adminPage.locator('[data-preflight="problems"]').waitFor({ timeout: 90_000 })
    const problem = adminPage
      .locator('.cdm-release')
      .getByText(new RegExp(`uses the voice of ${person.pseudonym} for .*, who withdrew consent`))
      .first()
    await problem.waitFor()
    expect(await adminPage.locator('.cdm-release').textContent()).not.toContain(person.realName)
    await screenshot(adminPage, 'consent-preflight-blocked')
  })

  it('should let an admin erase their real name and email, after which they cannot sign in', async () => {
    await adminPage.goto(`${baseUrl()}/admin/collections/users/${personId}`)
    const panel = adminPage.locator('.cdm-privacy')
    await panel
      .getByRole('heading', { name: 'Erase personal details' })
      .waitFor({ timeout: 60_000 })
    expect(await seriousViolations(adminPage, '.cdm-privacy')).toEqual([])
    const input = panel.getByLabel(`Type their pseudonym, ${person.pseudonym}, to confirm`)
    await input.fill('Not their pseudonym')
    await panel.getByRole('button', { name: 'Erase personal details' }).click()
    await panel
      .getByRole('alert')
      .getByText(/type it exactly/)
      .waitFor()

    await input.fill(person.pseudonym)
    await panel.getByRole('button', { name: 'Erase personal details' }).click()
    await adminPage.locator('.cdm-privacy__erased').waitFor({ timeout: 60_000 })
    expect(await adminPage.locator('#field-email').inputValue()).toBe(
      `erased-${personId}@erased.invalid`,
    )
    expect(await adminPage.content()).not.toContain(person.realName)
    await screenshot(adminPage, 'consent-erased')

    // Their session has ended, and their old email and password no longer sign in.
    await personPage.goto(`${baseUrl()}/admin/account`)
    await personPage.waitForURL(/\/admin\/login/, { timeout: 60_000 })
    await personPage.locator('#field-email').fill(person.email)
    await personPage.locator('#field-password').fill(person.password)
    await personPage.locator('button[type="submit"]').click()
    await personPage.getByText('The email or password provided is incorrect.').waitFor()
  })
})
