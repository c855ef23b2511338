import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { getTestPayload, uniqueSuffix } from './helpers/payload'
import { seedDemoIfAsked } from '../../src/hooks/onInit'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-startup-'))

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Evaluates payload.config.ts afresh under another environment, as a new process would. */
async function loadConfigWith(env: Record<string, string>): Promise<SanitizedConfig> {
  const saved = { ...process.env }
  Object.assign(process.env, { DATA_DIR: path.join(tmp, 'data') }, env)
  vi.resetModules()
  try {
    const configModule = await import('../../payload.config')
    return await configModule.default
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
    vi.resetModules()
  }
}

describe('starting the studio', () => {
  it('should refuse an unsupported DATABASE_URI and name the accepted forms', async () => {
    await expect(
      loadConfigWith({
        NODE_ENV: 'development',
        DATABASE_URI: 'postgres://cdm:hunter2@db.example/cdm',
      }),
    ).rejects.toThrow(
      'DATABASE_URI "postgres://***@db.example/cdm" is not supported. Accepted forms: unset (embedded SQLite in data/), file:<path> (SQLite), mongodb://… or mongodb+srv://… (MongoDB).',
    )
  })

  it('should accept MongoDB URIs as a pure configuration switch', async () => {
    for (const uri of ['mongodb://127.0.0.1:27017/cdm', 'mongodb+srv://cluster.example/cdm']) {
      const config = await loadConfigWith({ NODE_ENV: 'development', DATABASE_URI: uri })
      expect(config.db.name).toBe('mongoose')
    }
    const sqlite = await loadConfigWith({ NODE_ENV: 'development', DATABASE_URI: '' })
    expect(sqlite.db.name).toBe('sqlite')
  })

  it('should refuse a production start without PAYLOAD_SECRET', async () => {
    await expect(
      loadConfigWith({
        NODE_ENV: 'production',
        PAYLOAD_SECRET: '',
        SERVER_URL: 'https://studio.example.org',
        DATABASE_URI: `file:${path.join(tmp, 'x.db')}`,
      }),
    ).rejects.toThrow('PAYLOAD_SECRET is required when NODE_ENV=production')
  })

  it('should refuse a production start without SERVER_URL, and let `next build` run without it', async () => {
    const production = {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-production-secret',
      SERVER_URL: '',
      DATABASE_URI: `file:${path.join(tmp, 'x.db')}`,
    }
    await expect(loadConfigWith(production)).rejects.toThrow(
      'SERVER_URL is required when NODE_ENV=production',
    )
    const built = await loadConfigWith({ ...production, NEXT_PHASE: 'phase-production-build' })
    expect(built.serverURL).toBe('')
  })

  it('should take the CSRF allow-list from SERVER_URL and make the session cookie Secure in production', async () => {
    const config = await loadConfigWith({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-production-secret',
      SERVER_URL: 'https://studio.example.org/',
      DATABASE_URI: `file:${path.join(tmp, 'x.db')}`,
    })
    expect(config.serverURL).toBe('https://studio.example.org')
    expect([...new Set(config.csrf)]).toEqual(['https://studio.example.org'])
    const users = config.collections.find((c) => c.slug === 'users')!
    expect(users.auth.cookies).toMatchObject({ secure: true, sameSite: 'Strict' })
  })

  it('should never seed demo users on a production start, and say so in the log', async () => {
    const payload = await getTestPayload()
    const before = (await payload.count({ collection: 'users' })).totalDocs
    const messages = await withEnv({ NODE_ENV: 'production', SEED_DEMO: '' }, () =>
      captureInfoLogs(payload, () => seedDemoIfAsked(payload)),
    )
    expect(messages).toEqual([
      'Demo seed skipped: production start: demo users are never seeded (set SEED_DEMO=1 to seed them anyway)',
    ])
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(before)
  })

  it('should not seed a development database that already has users', async () => {
    const payload = await getTestPayload()
    const existing = await payload.create({
      collection: 'users',
      data: {
        email: `existing-${uniqueSuffix()}@test.example`,
        password: 'existing-user-password',
        role: 'admin',
        displayName: 'Existing',
      },
    })
    const before = (await payload.count({ collection: 'toolkits' })).totalDocs
    const messages = await withEnv({ NODE_ENV: 'development', SEED_DEMO: '' }, () =>
      captureInfoLogs(payload, () => seedDemoIfAsked(payload)),
    )
    await payload.delete({ collection: 'users', id: existing.id })
    expect(messages).toEqual([])
    expect((await payload.count({ collection: 'toolkits' })).totalDocs).toBe(before)
  })
})

async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  Object.assign(process.env, env)
  try {
    return await run()
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

async function captureInfoLogs(payload: Payload, run: () => Promise<void>): Promise<string[]> {
  const spy = vi.spyOn(payload.logger, 'info')
  try {
    await run()
    return spy.mock.calls.map((call) => String(call[0]))
  } finally {
    spy.mockRestore()
  }
}
