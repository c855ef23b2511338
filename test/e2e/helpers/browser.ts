import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const ARTIFACTS = path.resolve('test/e2e/artifacts')

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run browser tests with `npm run test:e2e`.')
  return url
}

/**
 * Headers for API requests a test makes with a page's cookies (`page.request`): a browser
 * names the page's origin, and the studio accepts its session cookie only from its own origin.
 */
export function fromStudioPage(): Record<string, string> {
  return { origin: baseUrl() }
}

/**
 * A JSON request to the studio's API with the page's session; it must succeed, and the failure
 * message shows the answer.
 */
export async function studioJson<T>(
  page: Page,
  method: string,
  url: string,
  data?: unknown,
): Promise<T> {
  const response = await page.request.fetch(`${baseUrl()}${url}`, {
    method,
    headers: { ...fromStudioPage(), 'content-type': 'application/json' },
    data: data === undefined ? undefined : JSON.stringify(data),
  })
  const body = await response.text()
  expect(response.ok(), `${method} ${url}: ${response.status()} ${body.slice(0, 300)}`).toBe(true)
  return JSON.parse(body) as T
}

/** Debian's Chromium, headless; `args` adds flags (e.g. a fake microphone). */
export async function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
  })
}

/** A page of its own browser context, signed in as `user`; close it with `page.context()`. */
export async function signedInPage(
  browser: Browser,
  user: { email: string; password: string },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
  const page = await context.newPage()
  await logIn(page, user.email, user.password)
  return page
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
