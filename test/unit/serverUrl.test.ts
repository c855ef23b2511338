import { describe, expect, it } from 'vitest'

import { csrfAllowList, resolveServerUrl } from '../../src/domain/config/serverUrl'

const production = (serverUrl: string | undefined) =>
  resolveServerUrl({ nodeEnv: 'production', serverUrl })

describe('resolveServerUrl', () => {
  it('should stop a production start without SERVER_URL, saying what to set', () => {
    expect(() => production(undefined)).toThrow(/SERVER_URL is required when NODE_ENV=production/)
    expect(() => production('  ')).toThrow(/e\.g\. SERVER_URL=https:\/\/studio\.example\.org/)
  })

  it('should let `next build` run without SERVER_URL', () => {
    expect(
      resolveServerUrl({ nodeEnv: 'production', serverUrl: undefined, isBuildPhase: true }),
    ).toBe('')
  })

  it('should leave development and tests without a URL when none is set', () => {
    expect(resolveServerUrl({ nodeEnv: 'development', serverUrl: undefined })).toBe('')
    expect(resolveServerUrl({ nodeEnv: 'test', serverUrl: '' })).toBe('')
  })

  it('should keep the origin only, without a trailing slash', () => {
    expect(production('https://studio.example.org/')).toBe('https://studio.example.org')
    expect(production('https://Studio.Example.org:8443')).toBe('https://studio.example.org:8443')
  })

  it('should refuse a URL with a path, query or credentials', () => {
    expect(() => production('https://example.org/studio')).toThrow(/origin only/)
    expect(() => production('https://example.org/?a=1')).toThrow(/origin only/)
    expect(() => production('https://user:pw@example.org')).toThrow(/origin only/)
  })

  it('should refuse what is not an http(s) URL', () => {
    expect(() => production('studio.example.org')).toThrow(/is not a URL/)
    expect(() => production('ftp://studio.example.org')).toThrow(/must start with https/)
  })

  it('should refuse plain http in production except on loopback, where the Secure cookie works', () => {
    expect(() => production('http://studio.example.org')).toThrow(
      /session cookie is Secure.*SERVER_URL=https:\/\/studio\.example\.org/,
    )
    expect(production('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000')
    expect(production('http://localhost:3000')).toBe('http://localhost:3000')
    expect(resolveServerUrl({ nodeEnv: 'development', serverUrl: 'http://10.0.0.5:3000' })).toBe(
      'http://10.0.0.5:3000',
    )
  })
})

describe('csrfAllowList', () => {
  it('should allow the studio’s own origin, or leave Payload’s check off without one', () => {
    expect(csrfAllowList('https://studio.example.org')).toEqual(['https://studio.example.org'])
    expect(csrfAllowList('')).toEqual([])
  })
})
