import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Payload } from 'payload'

import { DEMO_USERS } from '../../../seed/demoUsers'
import { mediaDir } from '../../../src/lib/config/paths'
import type { Accent, Audience, Release } from '../../../src/payload-types'
import { http, type HttpResult, messageOf, type Token } from '../../../test/int/helpers/review'
import { loginToken } from '../../../test/int/helpers/studio'
import { withDbTime } from '../dbTime'
import { runQueueUntilIdle } from '../jobs'

export const TOOLKIT = 'healthy-relationships'
export const LOCALE = 'en-GB'
const API_KEY = `bench-delivery-key-${randomUUID()}`

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
export const assetFile = (sha: string) => path.join(mediaDir('assets'), sha.slice(0, 2), sha)

export function demoUser(role: string) {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`seed/demoUsers.ts has no ${role}`)
  return user
}

/** Fails loudly: a benchmark of a refused request measures the wrong thing. */
export function ok<T>(
  result: { status: number; json: T; text: string },
  expected: number,
  what: string,
) {
  if (result.status !== expected)
    throw new Error(`${what}: HTTP ${result.status}, expected ${expected}: ${messageOf(result)}`)
  return result.json
}

type Request = <T>(
  token: Token,
  method: 'GET' | 'POST' | 'PATCH',
  p: string,
  body?: unknown,
) => Promise<HttpResult<T>>

/** The studio over HTTP as the demo publisher, designer and co-producer, and as a delivery app. */
export interface Studio {
  payload: Payload
  url: string
  people: Record<'publisher' | 'designer' | 'coProducer', ReturnType<typeof demoUser>>
  tokens: Record<'publisher' | 'designer' | 'coProducer', Token>
  request: Request
  deliveryHeaders: Record<string, string>
  delivery<T>(pathname: string): Promise<{ json: T; text: string }>
  toolkitId: number
  audiences: Audience[]
  accents: Accent[]
}

/** Signs the demo people in, registers a delivery app and finds the toolkit's choices. */
export async function openStudio(payload: Payload, url: string): Promise<Studio> {
  const people = {
    publisher: demoUser('publisher'),
    designer: demoUser('designer'),
    coProducer: demoUser('coProducer'),
  }
  const tokens = {
    publisher: await loginToken(url, people.publisher.email, people.publisher.password),
    designer: await loginToken(url, people.designer.email, people.designer.password),
    coProducer: await loginToken(url, people.coProducer.email, people.coProducer.password),
  }
  await payload.create({
    collection: 'delivery-apps',
    data: { name: 'Bench app', enableAPIKey: true, apiKey: API_KEY },
  })
  const deliveryHeaders = { authorization: `delivery-apps API-Key ${API_KEY}` }
  const delivery = async <T>(pathname: string): Promise<{ json: T; text: string }> => {
    const response = await fetch(`${url}${pathname}`, { headers: deliveryHeaders })
    const text = await response.text()
    if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status} ${text}`)
    return { json: JSON.parse(text) as T, text }
  }
  const request: Request = (token, method, p, body) => http(url, token, method, p, body)

  const toolkitId = (
    await payload.find({ collection: 'toolkits', where: { slug: { equals: TOOLKIT } } })
  ).docs[0].id
  const audiences = (await payload.find({ collection: 'audiences', sort: 'slug', limit: 100 })).docs
  const accents = (await payload.find({ collection: 'accents', sort: 'tag', limit: 100 })).docs
  return {
    payload,
    url,
    people,
    tokens,
    request,
    deliveryHeaders,
    delivery,
    toolkitId,
    audiences,
    accents,
  }
}

/** A draft release of the toolkit with every audience and accent, in the bench's locale. */
export async function createRelease(studio: Studio, version: string): Promise<Release> {
  return ok(
    await studio.request<{ doc: Release }>(studio.tokens.publisher, 'POST', '/api/releases', {
      toolkit: studio.toolkitId,
      version,
      audiences: studio.audiences.map((a) => a.id),
      locales: [LOCALE],
      accents: studio.accents.map((a) => a.id),
    }),
    201,
    `create release ${version}`,
  ).doc
}

export type TimedBuild = Awaited<ReturnType<typeof publish>>

/** Publish request → build job done; the build is timed as a worker would run it. */
export async function publish(studio: Studio, release: Release) {
  const { payload } = studio
  const { result, db } = await withDbTime(payload, async () => {
    const started = performance.now()
    const answer = await studio.request(
      studio.tokens.publisher,
      'POST',
      `/api/releases/${release.id}/publish`,
    )
    if (answer.status !== 202)
      throw new Error(`publish ${release.version}: HTTP ${answer.status}: ${answer.text}`)
    const requestMs = performance.now() - started
    const { jobs, waits } = await runQueueUntilIdle(payload, 'releases', { limit: 1 })
    return { requestMs, totalMs: performance.now() - started, jobs, waits }
  })
  const done = await payload.findByID({ collection: 'releases', id: release.id, depth: 0 })
  if (done.status !== 'published')
    throw new Error(`release ${release.version} is ${done.status}: ${done.failureReason}`)
  return { ...result, db, release: done }
}
