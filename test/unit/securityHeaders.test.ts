import { describe, expect, it } from 'vitest'

import {
  adminContentSecurityPolicy,
  API_CONTENT_SECURITY_POLICY,
  isServedOverTls,
  STATIC_SECURITY_HEADERS,
  trustedProxyCount,
} from '../../src/domain/http/securityHeaders'

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values]
    }),
  )

describe('adminContentSecurityPolicy', () => {
  const policy = directives(
    adminContentSecurityPolicy({ nonce: 'abc', isDevelopment: false, isTls: false }),
  )

  it('should run only scripts carrying the nonce, and what they load', () => {
    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"])
  })

  it('should forbid framing, plugins, foreign forms and base URLs', () => {
    expect(policy['frame-ancestors']).toEqual(["'none'"])
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['form-action']).toEqual(["'self'"])
    expect(policy['base-uri']).toEqual(["'self'"])
    expect(policy['default-src']).toEqual(["'self'"])
  })

  it('should allow eval only in development', () => {
    const dev = directives(
      adminContentSecurityPolicy({ nonce: 'n', isDevelopment: true, isTls: false }),
    )
    expect(dev['script-src']).toContain("'unsafe-eval'")
    expect(policy['script-src']).not.toContain("'unsafe-eval'")
  })

  it('should upgrade insecure requests only when served over TLS', () => {
    expect('upgrade-insecure-requests' in policy).toBe(false)
    const tls = directives(
      adminContentSecurityPolicy({ nonce: 'n', isDevelopment: false, isTls: true }),
    )
    expect('upgrade-insecure-requests' in tls).toBe(true)
  })
})

describe('API_CONTENT_SECURITY_POLICY', () => {
  it('should let nothing in an API response run or be framed', () => {
    expect(directives(API_CONTENT_SECURITY_POLICY)).toEqual({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      sandbox: [],
    })
  })
})

describe('STATIC_SECURITY_HEADERS', () => {
  it('should forbid sniffing and framing and send no referrer', () => {
    const headers = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]))
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['X-Frame-Options']).toBe('DENY')
    expect(headers['Referrer-Policy']).toBe('no-referrer')
  })
})

describe('isServedOverTls', () => {
  const base = { serverUrl: '', forwardedProto: null, trustedProxies: 0 }

  it('should count an https public URL as TLS, and nothing by default', () => {
    expect(isServedOverTls({ ...base, serverUrl: 'https://studio.example.org' })).toBe(true)
    expect(isServedOverTls({ ...base, serverUrl: 'http://127.0.0.1:3000' })).toBe(false)
    expect(isServedOverTls(base)).toBe(false)
  })

  it('should ignore X-Forwarded-Proto unless a proxy is trusted', () => {
    expect(isServedOverTls({ ...base, forwardedProto: 'https' })).toBe(false)
    expect(isServedOverTls({ ...base, forwardedProto: 'https', trustedProxies: 1 })).toBe(true)
    expect(isServedOverTls({ ...base, forwardedProto: 'http', trustedProxies: 1 })).toBe(false)
  })

  it('should read the entry the outermost trusted proxy wrote', () => {
    // The client claimed https; the one trusted proxy appended what it saw.
    expect(isServedOverTls({ ...base, forwardedProto: 'https, http', trustedProxies: 1 })).toBe(
      false,
    )
    expect(isServedOverTls({ ...base, forwardedProto: 'http, https', trustedProxies: 1 })).toBe(
      true,
    )
    expect(isServedOverTls({ ...base, forwardedProto: 'https, http', trustedProxies: 2 })).toBe(
      true,
    )
  })
})

describe('trustedProxyCount', () => {
  it('should read TRUST_PROXY as a number of proxies, and anything else as none', () => {
    expect(trustedProxyCount(undefined)).toBe(0)
    expect(trustedProxyCount('')).toBe(0)
    expect(trustedProxyCount('false')).toBe(0)
    expect(trustedProxyCount('0')).toBe(0)
    expect(trustedProxyCount('true')).toBe(1)
    expect(trustedProxyCount('2')).toBe(2)
    expect(trustedProxyCount('yes')).toBe(0)
  })
})
