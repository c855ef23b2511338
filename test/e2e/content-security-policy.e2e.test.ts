import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, launchBrowser, logIn, screenshot } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'
import { compareSemver, parseSemver } from '../../src/domain/releases/semver'

const admin = DEMO_USERS.find((u) => u.role === 'admin')!

interface Violation {
  page: string
  directive: string
  blocked: string
  sample?: string
}

let browser: Browser
let page: Page
let token = ''
let releaseId: number | null = null
const violations: Violation[] = []
let currentPage = ''
/** Requests for anything outside the studio, refused as a locked-down network would. */
const outside: string[] = []
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json()) as T
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}
const firstId = async (collection: string, query = '') =>
  (await api<{ docs: { id: number }[] }>('GET', `/api/${collection}?depth=0&limit=1${query}`))
    .docs[0].id

async function versionAfterPublished(toolkit: number): Promise<string> {
  const { docs } = await api<{ docs: { version: string; status: string }[] }>(
    'GET',
    `/api/releases?depth=0&limit=1000&where[toolkit][equals]=${toolkit}`,
  )
  const claimed = docs.filter((r) => r.status !== 'draft').map((r) => r.version)
  const newest = claimed.sort(compareSemver).at(-1)
  const { major, minor, patch } = newest ? parseSemver(newest)! : { major: 0, minor: 0, patch: 0 }
  return `${major}.${minor}.${patch + 1}-csp-check`
}

beforeAll(async () => {
  const login = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  })
  token = ((await login.json()) as { token: string }).token
  // A draft release to look at (the demo has none until a publisher makes one), after whatever
  // the other browser tests have published, since a version must be greater than those.
  const toolkit = await firstId('toolkits')
  const release = await api<{ doc: { id: number } }>('POST', '/api/releases', {
    toolkit,
    version: await versionAfterPublished(toolkit),
    audiences: [await firstId('audiences')],
    locales: ['en-GB'],
    accents: [await firstId('accents')],
  })
  releaseId = release.doc.id

  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1400, height: 1100 } })
  // No internet, as on a locked-down network: only the studio itself answers.
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('data:') || LOOPBACK.has(new URL(url).hostname)) return route.continue()
    outside.push(`${currentPage}: ${url}`)
    return route.abort('internetdisconnected')
  })
  // Registered before any page script runs (Playwright injects it past the page's policy).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = {
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      }
      ;(window as unknown as { __cspReport: (r: unknown) => void }).__cspReport?.(report)
    })
  })
  await page.exposeFunction('__cspReport', (report: Omit<Violation, 'page'>) => {
    violations.push({ page: currentPage, ...report })
  })
  page.on('console', (message) => {
    const text = message.text()
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)) {
      violations.push({ page: currentPage, directive: 'console', blocked: text })
    }
    if (/monaco/i.test(text)) outside.push(`${currentPage}: console: ${text}`)
  })
  await logIn(page, admin.email, admin.password)
  // Chromium keeps a Secure cookie on http://127.0.0.1: loopback counts as a secure context.
  const session = (await page.context().cookies()).find((c) => c.name === 'payload-token')
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' })
})

afterAll(async () => {
  await browser?.close()
  if (releaseId != null) await api('DELETE', `/api/releases/${releaseId}`).catch(() => undefined)
})

/** Opens an admin page, checks it was served under the policy, and lets it settle. */
async function visit(path: string, ready: string): Promise<void> {
  currentPage = path
  const response = await page.goto(`${baseUrl()}${path}`)
  expect(response?.status(), path).toBe(200)
  const policy = (await response?.headerValue('content-security-policy')) ?? ''
  expect(policy, `${path} is served with the nonce policy`).toMatch(/'nonce-[^']+'/)
  await page.locator(ready).first().waitFor({ timeout: 60_000 })
  await page.waitForLoadState('networkidle')
}

describe('the admin under its Content Security Policy', () => {
  it('should raise no violation on the main admin pages', async () => {
    const clipId = await firstId('clips', '&where[slug][equals]=first-meeting')
    const scriptId = await firstId('scripts', `&where[clip][equals]=${clipId}`)
    await visit('/admin', '.cdm-my-reviews, .dashboard')
    for (const collection of ['toolkits', 'clips', 'scripts', 'releases', 'users']) {
      await visit(`/admin/collections/${collection}`, '.collection-list, table')
    }
    await visit(`/admin/collections/clips/${clipId}`, '#field-title')
    await visit(`/admin/collections/scripts/${scriptId}`, '#field-title')
    await visit(`/admin/collections/scripts/${scriptId}/review`, '[data-review-status]')
    await visit(`/admin/collections/releases/${releaseId}`, '#field-version')
    await visit('/admin/account', '#field-displayName, #field-email')
    await screenshot(page, 'csp-account')
    expect(violations).toEqual([])
  })

  it('should load nothing from outside the studio, so it works with no internet', async () => {
    // The release and audit pages have JSON fields, whose editor Payload loads from a CDN.
    await visit(`/admin/collections/releases/${releaseId}`, '#field-freeze')
    const entry = await firstId('audit-log')
    await visit(`/admin/collections/audit-log/${entry}`, '#field-changedFields')
    await screenshot(page, 'offline-audit-entry')
    expect(outside).toEqual([])
  })

  it('should refuse an inline script planted in the page, as an XSS payload would be', async () => {
    currentPage = 'injected'
    const ran = await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.body.insertAdjacentHTML(
            'beforeend',
            '<img src="data:," onload="window.__planted = true" alt="">',
          )
          setTimeout(() => resolve((window as { __planted?: boolean }).__planted === true), 500)
        }),
    )
    expect(ran, 'the planted handler ran').toBe(false)
    const planted = violations.filter((v) => v.page === 'injected')
    expect(planted.map((v) => v.directive)).toContain('script-src-attr')
    violations.length = 0
  })
})
