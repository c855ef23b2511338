import { simpleParser } from 'mailparser'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { saveDocument, sendForReviewToRiverAndDana } from './helpers/adminActions'
import { baseUrl, launchBrowser, signedInPage, screenshot, studioJson } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

/**
 * Emails as a co-producer meets them: River chooses in her account how often to hear from the
 * studio; a designer sends her a script in the review tab; the studio mails her through a real
 * SMTP server (scripts/test-servers/mailbox.mjs, started by scripts/e2e.mjs) a message that names
 * nobody's real details and links to the review, which opens.
 */
const coProducer = DEMO_USERS.find((u) => u.role === 'coProducer')!
const designer = DEMO_USERS.find((u) => u.role === 'designer')!

interface Mail {
  to: string[]
  subject: string
  text: string
  raw: string
}

let browser: Browser
const contexts: BrowserContext[] = []
let river: Page
let dana: Page
const made: string[] = []

async function signedIn(user: { email: string; password: string }): Promise<Page> {
  const page = await signedInPage(browser, user)
  contexts.push(page.context())
  return page
}

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run browser tests with `npm run test:e2e`.')
  return dir
}

async function mailbox(): Promise<Mail[]> {
  const files = fs.existsSync(mailDir())
    ? fs.readdirSync(mailDir()).filter((name) => name.endsWith('.json'))
    : []
  return Promise.all(
    files.sort().map(async (name) => {
      const stored = JSON.parse(fs.readFileSync(path.join(mailDir(), name), 'utf8')) as {
        to: string[]
        raw: string
      }
      const parsed = await simpleParser(stored.raw)
      return {
        to: stored.to,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        raw: stored.raw,
      }
    }),
  )
}

async function chooseEmails(page: Page, label: string) {
  await page.goto(`${baseUrl()}/admin/account`)
  await page.locator('#field-emailPreference .rs__control').click()
  await page.locator('.rs__option').filter({ hasText: label }).click()
  await saveDocument(page)
}

beforeAll(async () => {
  browser = await launchBrowser()
  river = await signedIn(coProducer)
  dana = await signedIn(designer)
}, 120_000)

afterAll(async () => {
  for (const url of made.reverse()) await studioJson(dana, 'DELETE', url).catch(() => undefined)
  for (const context of contexts) await context.close()
  await browser?.close()
})

describe('emails about reviews', () => {
  it('should keep the choice a co-producer makes in their account', async () => {
    await chooseEmails(river, 'No emails')
    const off = await studioJson<{ user: { emailPreference: string } }>(
      river,
      'GET',
      '/api/users/me',
    )
    expect(off.user.emailPreference).toBe('none')
    await chooseEmails(river, 'An email each time')
    const on = await studioJson<{ user: { emailPreference: string } }>(
      river,
      'GET',
      '/api/users/me',
    )
    expect(on.user.emailPreference).toBe('every')
  })

  it('should mail a co-producer a script sent to them, naming nobody, with a link that opens it', async () => {
    const me = await studioJson<{ user: { id: number } }>(river, 'GET', '/api/users/me')
    const suffix = Date.now().toString(36)
    const clip = await studioJson<{ doc: { id: number } }>(dana, 'POST', '/api/clips', {
      title: `Mailed clip ${suffix}`,
      slug: `mailed-${suffix}`,
    })
    made.push(`/api/clips/${clip.doc.id}`)
    const title = `Mailed script ${suffix}`
    const script = await studioJson<{ doc: { id: number } }>(dana, 'POST', '/api/scripts', {
      title,
      clip: clip.doc.id,
      assignedCoProducers: [me.user.id],
      characters: [{ name: 'Dean' }],
      scenes: [{ heading: 'One', lines: [{ speaker: 'Dean', text: 'Is this for me?' }] }],
      _status: 'published',
    })
    made.push(`/api/scripts/${script.doc.id}`)

    await dana.goto(`${baseUrl()}/admin/collections/scripts/${script.doc.id}/review`)
    await sendForReviewToRiverAndDana(dana)

    const reviewLink = `/admin/collections/scripts/${script.doc.id}/review`
    let mail: Mail | undefined
    await expect
      .poll(
        async () => {
          mail = (await mailbox()).find(
            (m) => m.to.includes(coProducer.email) && m.text.includes(reviewLink),
          )
          return mail?.subject
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe('CDM Studio: A script is waiting for your review')
    expect(mail!.text).toContain(
      `Dana (Content designer) asked you to review the script "${title}".`,
    )

    // Every message the studio sent in this run: pseudonyms only, nobody's real name, nobody
    // else's address, and never the word that says what the toolkit is for.
    const everything = await mailbox()
    expect(everything.length).toBeGreaterThan(0)
    for (const message of everything) {
      expect(message.raw).not.toContain(coProducer.realName!)
      expect(message.subject.toLowerCase()).not.toContain('probation')
      for (const other of DEMO_USERS.filter((u) => !message.to.includes(u.email)))
        expect(message.raw, `a message to ${message.to.join(', ')}`).not.toContain(other.email)
    }

    const link = new RegExp(`https?://\\S+${reviewLink}`).exec(mail!.text)
    expect(link, mail!.text).not.toBeNull()
    await river.goto(link![0])
    // The review tab itself, where River reads, hears and answers the script.
    await river.locator('[data-review-status="inReview"]').waitFor()
    await river.getByRole('button', { name: 'Approve this script', exact: true }).waitFor()
    await screenshot(river, 'mailed-review-link')
  })
})
