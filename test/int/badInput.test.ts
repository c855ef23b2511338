import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  makeRouteCallers,
  type Answer,
  type Caller,
  type RouteCallers,
} from './helpers/routeCallers'
import { setUpStudio } from './helpers/studio'
import { pngFile } from './helpers/world'

/** Issue 9 §6: bad input gets a 4xx that names the problem, never a 5xx. */
const studio = setUpStudio()
let callers: RouteCallers
let releaseId: number | string

beforeAll(async () => {
  callers = await makeRouteCallers(studio.payload, studio.world, studio.server.url)
  const release = await studio.payload.create({
    collection: 'releases',
    data: {
      toolkit: studio.world.docs.toolkits.assigned,
      version: '0.0.1',
      audiences: [studio.world.docs.audiences.assigned],
      accents: [studio.world.docs.accents.assigned],
      locales: ['en-GB'],
    } as never, // the generated type wants the fields Payload fills in itself
    overrideAccess: true,
  })
  releaseId = release.id
  // Published, so withdraw reaches its reason (the release system alone moves a status).
  await studio.payload.update({
    collection: 'releases',
    id: releaseId,
    data: { status: 'published' },
    overrideAccess: true,
    context: { releaseSystem: true },
  })
})

afterAll(async () => {
  await callers?.remove()
  // A published release refuses deletion through the API, so past it.
  if (releaseId)
    await studio.payload.db.deleteOne({
      collection: 'releases',
      where: { id: { equals: releaseId } },
    })
})

const messageOf = (answer: Answer) =>
  ((answer.json as { errors?: { message: string }[] } | undefined)?.errors ?? [])
    .map((e) => e.message)
    .join('; ')

/** A raw request: the body is sent exactly as given, so it can be malformed or huge. */
async function raw(
  caller: Caller,
  method: string,
  url: string,
  body: string | ReadableStream<Uint8Array>,
  contentType = 'application/json',
): Promise<Answer> {
  const token = caller === 'admin' ? await callers.freshToken('admin') : undefined
  const response = await fetch(`${callers.baseUrl}${url}`, {
    method,
    headers: {
      'content-type': contentType,
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit)
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, json: json as Record<string, unknown>, text }
}

const MIB = 1024 * 1024
const pngBytes = async () => new Uint8Array((await pngFile('bad-input.png')()).data)
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('JSON body limits', () => {
  it('should answer 413 to a JSON body over 1 MiB with Content-Length, before parsing it', async () => {
    const body = JSON.stringify({ title: 'x'.repeat(MIB + 10) })
    const answer = await raw('admin', 'POST', '/api/toolkits', body)
    expect(answer.status, answer.text.slice(0, 200)).toBe(413)
    expect(messageOf(answer)).toMatch(/1 MiB/)
  })

  it('should answer 413 to a chunked JSON body over 1 MiB', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title":"'))
      },
      pull(controller) {
        if (sent > 2 * MIB) {
          controller.enqueue(new TextEncoder().encode('"}'))
          controller.close()
          return
        }
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const answer = await raw('admin', 'POST', '/api/toolkits', stream)
    expect(answer.status, answer.text.slice(0, 200)).toBe(413)
  })

  it('should accept a JSON body just under the limit', async () => {
    const answer = await raw(
      'admin',
      'POST',
      '/api/graphql',
      JSON.stringify({ query: '{ Toolkits(limit: 1) { totalDocs } }', pad: 'x'.repeat(MIB - 200) }),
    )
    expect(answer.status, answer.text.slice(0, 200)).toBe(200)
  })

  it('should answer 400 to a body nested 20,000 deep, on REST, GraphQL and custom endpoints', async () => {
    const script = studio.world.docs.scripts.assigned
    for (const [method, url] of [
      ['POST', '/api/toolkits'],
      ['PATCH', `/api/toolkits/${studio.world.docs.toolkits.assigned}`],
      ['POST', '/api/graphql'],
      ['POST', `/api/scripts/${script}/review`],
    ]) {
      const answer = await raw('admin', method, url, `{"action":${deepArray(20_000)}}`)
      expect(answer.status, `${method} ${url}: ${answer.text.slice(0, 200)}`).toBe(400)
      expect(messageOf(answer)).toMatch(/nested/i)
    }
  })

  it('should answer 400 to malformed JSON, on REST and GraphQL', async () => {
    for (const url of [
      '/api/graphql',
      '/api/toolkits',
      `/api/scripts/${studio.world.docs.scripts.assigned}/review`,
    ]) {
      const answer = await raw('admin', 'POST', url, '{"query": ')
      expect(answer.status, `${url}: ${answer.text.slice(0, 200)}`).toBe(400)
      expect(messageOf(answer)).toMatch(/JSON/)
    }
  })

  it('should take its size limit from JSON_BODY_LIMIT', async () => {
    const saved = process.env.JSON_BODY_LIMIT
    process.env.JSON_BODY_LIMIT = '1KiB'
    try {
      const answer = await raw(
        'admin',
        'POST',
        '/api/toolkits',
        JSON.stringify({ title: 'x'.repeat(2048) }),
      )
      expect(answer.status, answer.text.slice(0, 200)).toBe(413)
      expect(messageOf(answer)).toMatch(/1 KiB limit/)
    } finally {
      if (saved === undefined) delete process.env.JSON_BODY_LIMIT
      else process.env.JSON_BODY_LIMIT = saved
    }
  })

  it('should answer 400 to a multipart _payload that is not JSON or not an object', async () => {
    const token = await callers.freshToken('admin')
    for (const [url, payloadField] of [
      ['/api/toolkits', '{"title": '],
      ['/api/images', '{"alt": '],
      ['/api/images', 'null'],
    ]) {
      const form = new FormData()
      form.append('_payload', payloadField)
      form.append('file', new Blob([await pngBytes()], { type: 'image/png' }), 'bad-input.png')
      const response = await fetch(`${callers.baseUrl}${url}`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
        body: form,
      })
      const text = await response.text()
      expect(response.status, `${url} ${payloadField}: ${text.slice(0, 200)}`).toBe(400)
    }
  })

  it('should answer 400 to a multipart _payload nested deeper than the JSON limit, creating nothing', async () => {
    const token = await callers.freshToken('admin')
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    for (const url of ['/api/toolkits', '/api/images']) {
      const before = await studio.payload.count({ collection: url.slice(5) as 'toolkits' })
      const form = new FormData()
      form.append('_payload', `{"title":"deep","alt":"deep","x":${deep}}`)
      form.append('file', new Blob([await pngBytes()], { type: 'image/png' }), 'deep-input.png')
      const response = await fetch(`${callers.baseUrl}${url}`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
        body: form,
      })
      const text = await response.text()
      expect(response.status, `${url}: ${text.slice(0, 200)}`).toBe(400)
      expect(text).toMatch(/nest/i)
      const after = await studio.payload.count({ collection: url.slice(5) as 'toolkits' })
      expect(after.totalDocs).toBe(before.totalDocs)
    }
  })

  it('should answer 400 naming "body" to JSON that is not an object', async () => {
    for (const body of ['null', '3', '[]', '"text"'])
      for (const url of [
        '/api/toolkits',
        `/api/toolkits/${studio.world.docs.toolkits.assigned}`,
        '/api/graphql',
      ]) {
        const method = url.includes('/toolkits/') ? 'PATCH' : 'POST'
        const answer = await raw('admin', method, url, body)
        expect(answer.status, `${method} ${url} ${body}: ${answer.text.slice(0, 200)}`).toBe(400)
        expect(messageOf(answer)).toContain('"body"')
      }
  })
})

describe('relationships to documents that do not exist', () => {
  it('should answer 400 naming the field, and write nothing', async () => {
    const { docs, suffix } = studio.world
    const slug = `no-such-cover-${suffix}`
    const created = await callers.call('admin', 'POST', '/api/toolkits', {
      title: 'No such cover',
      slug,
      coverImage: 999_999,
    })
    expect(created.status, created.text.slice(0, 300)).toBe(400)
    expect(messageOf(created) + created.text).toMatch(/coverImage|Cover Image/)
    const found = await studio.payload.find({
      collection: 'toolkits',
      where: { slug: { equals: slug } },
      overrideAccess: true,
    })
    expect(found.totalDocs, 'a toolkit was created anyway').toBe(0)

    const before = await studio.payload.findByID({
      collection: 'modules',
      id: docs.modules.assigned,
    })
    const moved = await callers.call('admin', 'PATCH', `/api/modules/${docs.modules.assigned}`, {
      title: 'Moved to nowhere',
      toolkit: 999_999,
    })
    expect(moved.status, moved.text.slice(0, 300)).toBe(400)
    const after = await studio.payload.findByID({
      collection: 'modules',
      id: docs.modules.assigned,
    })
    expect(after.title, 'the module changed anyway').toBe(before.title)
  })

  it('should answer 400 to a draft save that names a missing document (no validation on drafts)', async () => {
    const answer = await callers.call(
      'admin',
      'PATCH',
      `/api/scripts/${studio.world.docs.scripts.unassigned}?draft=true`,
      { clip: 999_999 },
    )
    expect(answer.status, answer.text.slice(0, 300)).toBe(400)
    expect(messageOf(answer)).toMatch(/does not exist/)
  })
})

describe('custom endpoints check their input types', () => {
  const cases = (): { caller: Caller; url: string; body: unknown; field: string }[] => {
    const { docs } = studio.world
    const review = `/api/scripts/${docs.scripts.assigned}/review`
    const confirm = `/api/clips/${docs.clips.assigned}/confirm-media`
    return [
      { caller: 'admin', url: review, body: { action: { toString: 'x' } }, field: 'action' },
      { caller: 'admin', url: review, body: { action: ['submit'] }, field: 'action' },
      {
        caller: 'admin',
        url: review,
        body: { action: 'submit', reviewers: [{ toString: 1 }] },
        field: 'reviewers',
      },
      {
        caller: 'admin',
        url: review,
        body: { action: 'submit', reviewers: ['abc', '1e999'] },
        field: 'reviewers',
      },
      {
        caller: 'admin',
        url: review,
        body: { action: 'submit', reviewers: [[1]] },
        field: 'reviewers',
      },
      {
        caller: 'admin',
        url: review,
        body: { action: 'submit', reviewers: 'everyone' },
        field: 'reviewers',
      },
      { caller: 'admin', url: review, body: [], field: 'body' },
      { caller: 'admin', url: confirm, body: { rowId: { toString: 'x' } }, field: 'rowId' },
      { caller: 'admin', url: confirm, body: { rowId: ['a'] }, field: 'rowId' },
      { caller: 'admin', url: confirm, body: { rowId: 12 }, field: 'rowId' },
      {
        caller: 'admin',
        url: `/api/releases/${releaseId}/withdraw`,
        body: { reason: { trim: 1 } },
        field: 'reason',
      },
      {
        caller: 'admin',
        url: `/api/releases/${releaseId}/withdraw`,
        body: { reason: 7 },
        field: 'reason',
      },
      { caller: 'admin', url: `/api/releases/${releaseId}/preflight`, body: 'now', field: 'body' },
      { caller: 'admin', url: `/api/releases/${releaseId}/publish`, body: ['go'], field: 'body' },
    ]
  }

  it('should answer 400 naming the field, for every hostile body', async () => {
    for (const { caller, url, body, field } of cases()) {
      const answer = await callers.call(caller, 'POST', url, body)
      const what = `${url} ${JSON.stringify(body)}: ${answer.status} ${answer.text.slice(0, 200)}`
      expect(answer.status, what).toBe(400)
      expect(messageOf(answer), what).toContain(`"${field}"`)
    }
  })
})

describe('invalid ids and query parameters', () => {
  const IDS = ['abc', '1e999', '%00', '1.5', '-1', '99999999999999999999999', '0x10']

  it('should answer 404 to an id that cannot exist, on every kind of id route', async () => {
    for (const id of IDS) {
      for (const [method, url, body] of [
        ['GET', `/api/scripts/${id}`],
        ['PATCH', `/api/toolkits/${id}`, { title: 'x' }],
        ['DELETE', `/api/toolkits/${id}`],
        ['GET', `/api/scripts/versions/${id}`],
        ['GET', `/api/scripts/${id}/review`],
        ['POST', `/api/clips/${id}/confirm-media`, { rowId: 'x' }],
        ['GET', `/api/releases/${id}/summary`],
      ] as const) {
        const answer = await callers.call('admin', method, url, body)
        expect(
          [400, 404],
          `${method} ${url}: ${answer.status} ${answer.text.slice(0, 200)}`,
        ).toContain(answer.status)
      }
    }
  })

  it('should answer 404 to impossible ids on routes that skip Payload operations', async () => {
    const { docs } = studio.world
    for (const [method, url] of [
      ['POST', '/api/toolkits/abc/duplicate'],
      ['POST', '/api/toolkits/1e999/duplicate'],
      ['POST', '/api/toolkits/access/Infinity'],
      ['POST', '/api/payload-locked-documents/access/abc'],
      ['GET', `/api/images/file/not-there-${docs.images.assigned}.png`],
    ] as const) {
      const answer = await callers.call('admin', method, url, method === 'POST' ? {} : undefined)
      expect(answer.status, `${method} ${url}: ${answer.text.slice(0, 200)}`).toBe(404)
    }
  })

  it('should answer 400 to a path with a percent-escape that is not UTF-8', async () => {
    for (const url of ['/api/scripts/%ff', '/api/delivery/toolkits/%E2%80/releases/latest']) {
      const answer = await callers.call('admin', 'GET', url)
      expect(answer.status, `${url}: ${answer.text.slice(0, 200)}`).toBe(400)
      expect(messageOf(answer)).toMatch(/percent-escape/)
    }
  })

  it('should answer 400 to nonsense query parameters, naming the parameter', async () => {
    for (const [query, name, path] of [
      ['limit=1e309', 'limit'],
      ['limit=-5', 'limit'],
      ['page=1e309', 'page'],
      ['joins[modules][limit]=1e309', 'joins'],
      ['where=abc', 'where'],
      ['where[id][in]=a,b', 'where'],
      ['where[coverImage][equals]=abc', 'where'],
      ['where[title][in][0][a]=1', 'where'],
      ['where[id][equals]=abc', 'where'],
      ['where[id][in][0]=1e999', 'where'],
      ['where[createdAt][greater_than]=notadate', 'where'],
      ['where[title][near]=1', 'where'],
      ['where[createdAt][equals]=notadate', 'where', '/api/scripts/versions'],
      ['where[parent][equals]=abc', 'where', '/api/scripts/versions'],
      ['where[id][equals]=1e999', 'where', '/api/toolkits/count'],
    ]) {
      const answer = await callers.call('admin', 'GET', `${path ?? '/api/toolkits'}?${query}`)
      const what = `${query}: ${answer.status} ${answer.text.slice(0, 300)}`
      expect(answer.status, what).toBe(400)
      expect(messageOf(answer), what).toContain(name)
    }
  })

  it('should answer odd locale, draft, select, populate and joins parameters without a 5xx', async () => {
    for (const query of [
      'locale=zz',
      'locale[0]=en-GB',
      'locale=../../etc',
      'fallback-locale=zz',
      'draft=maybe',
      'trash=yes',
      'select=title',
      'select[title][deep]=true',
      'populate=users',
      'populate[users][x][y]=true',
      'joins=false',
      'joins[x][limit]=abc',
      'depth=-1',
      'depth=1e309',
      'sort=-',
      'sort[0]=title',
      'pagination=nope',
    ]) {
      for (const url of ['/api/toolkits', '/api/scripts', '/api/comments']) {
        const answer = await callers.call('admin', 'GET', `${url}?${query}`)
        expect(
          answer.status,
          `${url}?${query}: ${JSON.stringify(answer.json).slice(0, 160)}`,
        ).toBeLessThan(500)
      }
    }
  })

  it('should refuse a GraphQL query nested thousands deep, or huge, without a 5xx', async () => {
    for (const query of [
      `{ Toolkits ${'{ docs '.repeat(5_000)}${'}'.repeat(5_000)} }`,
      `{ ${'Toolkits { docs { id } } '.repeat(3_000)} }`,
      `query { Toolkits { docs { id ${'...F '.repeat(2_000)} } } } fragment F on Toolkit { id }`,
    ]) {
      const answer = await callers.call<{ errors?: { message: string }[] }>(
        'admin',
        'POST',
        '/api/graphql',
        { query },
      )
      expect(answer.status, query.slice(0, 60)).toBeLessThan(500)
      expect(answer.json.errors?.length ?? 0, query.slice(0, 60)).toBeGreaterThan(0)
    }
  })

  it('should answer 400 or 404 to the same through GraphQL', async () => {
    for (const query of [
      '{ Script(id: "abc") { id } }',
      '{ Script(id: "1e999") { id } }',
      '{ Toolkits(where: { id: { equals: "abc" } }) { docs { id } } }',
      '{ Toolkits(limit: -5) { docs { id } } }',
    ]) {
      const answer = await callers.call<{
        errors?: { message: string; extensions?: { statusCode?: number } }[]
      }>('admin', 'POST', '/api/graphql', { query })
      expect(answer.status, query).toBeLessThan(500)
      for (const error of answer.json.errors ?? [])
        expect(error.extensions?.statusCode ?? 400, `${query}: ${error.message}`).toBeLessThan(500)
    }
  })
})
