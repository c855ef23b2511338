import type { Browser, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, fromStudioPage, launchBrowser, logIn } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

const designer = DEMO_USERS.find((u) => u.role === 'designer')!
const coProducer = DEMO_USERS.find((u) => u.role === 'coProducer')!
const admin = DEMO_USERS.find((u) => u.role === 'admin')!

let browser: Browser
let token = ''

const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
  })
  return (await response.json()) as T
}

interface Lock {
  id: number
  user: { value: number }
}
const locksOn = (scriptId: number) =>
  api<{ docs: Lock[] }>(
    `/api/payload-locked-documents?depth=0&where[document.relationTo][equals]=scripts&where[document.value][equals]=${scriptId}`,
  )

async function signedIn(user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
  const page = await context.newPage()
  await logIn(page, user.email, user.password)
  return page
}

beforeAll(async () => {
  const login = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  })
  token = ((await login.json()) as { token: string }).token
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('document locks through the admin’s form-state server function', () => {
  it('should lock nothing for a co-producer who replays it on a script they may not edit', async () => {
    const river = (
      await api<{ docs: { id: number; email: string }[] }>(
        `/api/users?depth=0&where[email][equals]=${encodeURIComponent(coProducer.email)}`,
      )
    ).docs[0]
    const scripts = (
      await api<{ docs: { id: number; assignedCoProducers?: number[] }[] }>(
        '/api/scripts?depth=0&limit=100',
      )
    ).docs
    const [first, target] = scripts.filter((s) => !(s.assignedCoProducers ?? []).includes(river.id))
    expect(target, 'two scripts River is not assigned to').toBeTruthy()

    // A designer edits a script: the admin asks for form state with its lock status.
    const dana = await signedIn(designer)
    const formState = new Promise<Request>((resolve) => {
      dana.on('request', (request) => {
        const body = request.postData() ?? ''
        if (
          request.headers()['next-action'] &&
          body.includes('"form-state"') &&
          body.includes('"returnLockStatus":true')
        )
          resolve(request)
      })
    })
    await dana.goto(`${baseUrl()}/admin/collections/scripts/${first.id}`)
    const title = dana.locator('#field-title')
    await title.waitFor()
    await title.press('End')
    await title.type(' ')
    const captured = await formState

    // River sends the same call, for another script, with her own session.
    const riverPage = await signedIn(coProducer)
    const [call] = JSON.parse(captured.postData()!) as [{ name: string; args: { id: number } }]
    call.args.id = target.id
    const headers = captured.headers()
    const replay = await riverPage.request.post(captured.url(), {
      headers: {
        ...fromStudioPage(),
        accept: headers.accept ?? 'text/x-component',
        'content-type': headers['content-type'] ?? 'text/plain;charset=UTF-8',
        'next-action': headers['next-action'],
        'next-router-state-tree': headers['next-router-state-tree'] ?? '',
      },
      data: JSON.stringify([call]),
    })
    expect(replay.status(), await replay.text()).toBe(200)

    const locks = (await locksOn(target.id)).docs
    expect(
      locks.map((lock) => lock.user.value),
      'locks on a script River may not edit',
    ).not.toContain(river.id)
    expect((await locksOn(first.id)).docs.length, 'the designer’s own lock').toBe(1)
    for (const lock of [...locks, ...(await locksOn(first.id)).docs]) {
      await api(`/api/payload-locked-documents/${lock.id}`, { method: 'DELETE' })
    }
    await dana.context().close()
    await riverPage.context().close()
  })
})
