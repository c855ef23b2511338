import { describe, expect, it } from 'vitest'

import {
  deliveryCorsAnswer,
  parseDeliveryCorsOrigins,
  type DeliveryCorsOrigins,
} from '../../src/domain/http/deliveryCors'

const listed = (...origins: string[]): DeliveryCorsOrigins => ({
  kind: 'listed',
  origins: new Set(origins),
})
const headerOf = (headers: [string, string][], name: string) =>
  headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]

describe('parseDeliveryCorsOrigins', () => {
  it('should allow no origin when unset, empty or only commas and spaces', () => {
    expect(parseDeliveryCorsOrigins(undefined)).toEqual({ kind: 'none' })
    expect(parseDeliveryCorsOrigins('')).toEqual({ kind: 'none' })
    expect(parseDeliveryCorsOrigins(' , ,')).toEqual({ kind: 'none' })
  })

  it('should normalise origins as browsers send them: lower-case host, no default port, no slash', () => {
    expect(
      parseDeliveryCorsOrigins(
        ' https://App.Example.org/ ,http://localhost:5173, https://cdn.example.org:443,,',
      ),
    ).toEqual(listed('https://app.example.org', 'http://localhost:5173', 'https://cdn.example.org'))
  })

  it('should take * alone as any origin, and refuse it mixed with origins', () => {
    expect(parseDeliveryCorsOrigins('*')).toEqual({ kind: 'any' })
    expect(() => parseDeliveryCorsOrigins('*, https://app.example.org')).toThrow(/use \* alone/)
  })

  it.each([
    ['null', /sandboxed frames/],
    ['app.example.org', /not an origin/],
    ['https://', /not an origin/],
    ['ftp://app.example.org', /must start with https:\/\//],
    ['https:app.example.org', /must start with https:\/\//],
    ['https://app.example.org/player', /origin only.*https:\/\/app\.example\.org\./],
    ['https://app.example.org/?x=1', /origin only/],
    ['https://app.example.org/#top', /origin only/],
    ['https://user:pw@app.example.org', /origin only/],
    ['https://*.example.org', /wildcard/],
  ])('should refuse %s, naming the entry and the problem', (entry, why) => {
    expect(() => parseDeliveryCorsOrigins(`https://ok.example.org,${entry}`)).toThrow(why)
    expect(() => parseDeliveryCorsOrigins(`https://ok.example.org,${entry}`)).toThrow(`"${entry}"`)
  })
})

describe('deliveryCorsAnswer', () => {
  const allowed = listed('https://app.example.org')
  const preflight = (origin: string | null, requestMethod: string | null = 'GET') =>
    deliveryCorsAnswer(allowed, { method: 'OPTIONS', origin, requestMethod })

  it('should answer a listed origin’s preflight with methods, headers incl. Authorization and a max age', () => {
    const answer = preflight('https://app.example.org')
    expect(answer.isPreflight).toBe(true)
    expect(headerOf(answer.headers, 'Access-Control-Allow-Origin')).toBe('https://app.example.org')
    expect(headerOf(answer.headers, 'Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS')
    expect(headerOf(answer.headers, 'Access-Control-Allow-Headers')).toMatch(/\bAuthorization\b/)
    expect(headerOf(answer.headers, 'Access-Control-Allow-Headers')).toMatch(/\bRange\b/)
    expect(Number(headerOf(answer.headers, 'Access-Control-Max-Age'))).toBeGreaterThan(0)
    expect(headerOf(answer.headers, 'Vary')).toBe('Origin')
  })

  it('should expose ETag, Content-Range, Content-Length, Accept-Ranges and the signature on a listed origin’s request', () => {
    const answer = deliveryCorsAnswer(allowed, {
      method: 'GET',
      origin: 'https://app.example.org',
      requestMethod: null,
    })
    expect(answer.isPreflight).toBe(false)
    expect(headerOf(answer.headers, 'Access-Control-Allow-Origin')).toBe('https://app.example.org')
    const exposed = headerOf(answer.headers, 'Access-Control-Expose-Headers')?.split(/,\s*/)
    expect(exposed).toEqual(
      expect.arrayContaining([
        'ETag',
        'Content-Range',
        'Content-Length',
        'Accept-Ranges',
        'X-CDM-Signature',
      ]),
    )
  })

  it('should treat an OPTIONS without Access-Control-Request-Method as no preflight', () => {
    const answer = preflight('https://app.example.org', null)
    expect(answer.isPreflight).toBe(false)
    expect(headerOf(answer.headers, 'Access-Control-Allow-Methods')).toBeUndefined()
  })

  it.each([
    ['an unlisted origin', 'https://evil.example.org'],
    ['a listed origin as a prefix of another host', 'https://app.example.org.evil.example'],
    ['another scheme', 'http://app.example.org'],
    ['another port', 'https://app.example.org:8443'],
    ['upper case, which browsers never send', 'https://APP.example.org'],
    ['a trailing slash', 'https://app.example.org/'],
    ['two origins in one header', 'https://app.example.org, https://evil.example.org'],
    ['null', 'null'],
    ['no origin', null],
  ])('should give %s no CORS header at all, only Vary', (_, origin) => {
    for (const answer of [
      preflight(origin),
      deliveryCorsAnswer(allowed, { method: 'GET', origin, requestMethod: null }),
    ]) {
      expect(answer.isPreflight).toBe(false)
      expect(answer.headers).toEqual([['Vary', 'Origin']])
    }
  })

  it('should answer any origin with * and never allow credentials', () => {
    for (const request of [
      { method: 'OPTIONS', origin: 'https://any.example', requestMethod: 'GET' },
      { method: 'GET', origin: 'null', requestMethod: null },
    ]) {
      const answer = deliveryCorsAnswer({ kind: 'any' }, request)
      expect(headerOf(answer.headers, 'Access-Control-Allow-Origin')).toBe('*')
      expect(headerOf(answer.headers, 'Access-Control-Allow-Credentials')).toBeUndefined()
    }
    const listedAnswer = preflight('https://app.example.org')
    expect(headerOf(listedAnswer.headers, 'Access-Control-Allow-Credentials')).toBeUndefined()
  })

  it('should add nothing, not even Vary, when no origin is configured', () => {
    expect(
      deliveryCorsAnswer(
        { kind: 'none' },
        { method: 'OPTIONS', origin: 'https://a.example', requestMethod: 'GET' },
      ),
    ).toEqual({ isPreflight: false, headers: [] })
  })
})
