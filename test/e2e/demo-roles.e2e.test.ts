import { describe, expect, it } from 'vitest'

import { baseUrl } from './helpers/browser'
import { DEMO_USERS } from '../../seed/demoUsers'

async function signIn(role: string): Promise<string> {
  const user = DEMO_USERS.find((u) => u.role === role)!
  const response = await fetch(`${baseUrl()}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

async function get(path: string, token?: string) {
  const response = await fetch(`${baseUrl()}${path}`, {
    headers: token ? { authorization: `JWT ${token}` } : {},
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const total = (body: Record<string, unknown>) => body.totalDocs as number

describe('the seeded demo on a production build, per demo user', () => {
  it('should give anonymous requests nothing', async () => {
    for (const collection of ['toolkits', 'exercises', 'clips', 'scripts', 'users']) {
      expect((await get(`/api/${collection}`)).status).toBe(403)
    }
  })

  it('should show a designer and a publisher the whole toolkit', async () => {
    for (const role of ['designer', 'publisher']) {
      const token = await signIn(role)
      expect(total((await get('/api/modules', token)).body)).toBe(4)
      expect(total((await get('/api/exercises?limit=1', token)).body)).toBe(24)
      expect(total((await get('/api/clips?limit=1', token)).body)).toBe(28)
    }
  })

  it('should show the co-producer only the scripts, clips and exercises they are assigned to', async () => {
    const token = await signIn('coProducer')
    const modules = (await get('/api/modules?sort=order', token)).body.docs as { slug: string }[]
    expect(modules.map((m) => m.slug)).toEqual(['foundation', 'emotions'])
    expect(total((await get('/api/exercises?limit=1', token)).body)).toBe(13)
    const scripts = total((await get('/api/scripts?limit=1', token)).body)
    expect(scripts).toBe(total((await get('/api/clips?limit=1', token)).body))
    expect(scripts).toBe(16)
  })

  it("should hide the co-producer's real name and email from everyone but admins", async () => {
    const find = async (token: string) =>
      (
        (
          await get(
            '/api/users?where[role][equals]=coProducer&where[displayName][equals]=River',
            token,
          )
        ).body.docs as Record<string, unknown>[]
      )[0]
    const seenByDesigner = await find(await signIn('designer'))
    expect(seenByDesigner.displayName).toBe('River')
    expect(seenByDesigner).not.toHaveProperty('realName')
    expect(seenByDesigner).not.toHaveProperty('email')
    const seenByAdmin = await find(await signIn('admin'))
    expect(seenByAdmin.realName).toBe('Jamie Example')
    expect(seenByAdmin.email).toBe('coproducer@cdm-studio.example')
  })

  it('should refuse a publisher editing content', async () => {
    const token = await signIn('publisher')
    const exercise = ((await get('/api/exercises?limit=1', token)).body.docs as { id: number }[])[0]
    const response = await fetch(`${baseUrl()}/api/exercises/${exercise.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Not allowed' }),
    })
    expect(response.status).toBe(403)
  })
})
