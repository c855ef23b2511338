import { describe, expect, it } from 'vitest'

import {
  normaliseIpAddress,
  parseTrustProxy,
  resolveClientAddress,
  throttleKeyFor,
} from '../../src/domain/auth/clientAddress'

describe('parseTrustProxy', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['false', 0],
    ['true', 1],
    ['1', 1],
    [' 2 ', 2],
  ])('should read %j as %i trusted proxies', (value, hops) => {
    expect(parseTrustProxy(value)).toBe(hops)
  })

  it.each(['yes', '-1', '1.5', '11', 'loopback'])(
    'should refuse %j, saying what it expects',
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/number of reverse proxies/)
    },
  )
})

describe('resolveClientAddress', () => {
  const peer = '10.0.0.5'

  it('should ignore X-Forwarded-For entirely when no proxy is trusted', () => {
    expect(
      resolveClientAddress({ forwardedFor: '203.0.113.9', socketAddress: peer, trustedProxies: 0 }),
    ).toBe(peer)
  })

  it('should know nothing without a socket address when no proxy is trusted', () => {
    expect(
      resolveClientAddress({ forwardedFor: '203.0.113.9', socketAddress: null, trustedProxies: 0 }),
    ).toBeNull()
  })

  it('should take the entry the one trusted proxy appended, not what the client wrote before it', () => {
    expect(
      resolveClientAddress({
        forwardedFor: '1.1.1.1, 198.51.100.7',
        socketAddress: peer,
        trustedProxies: 1,
      }),
    ).toBe('198.51.100.7')
  })

  it('should count hops from the right with two trusted proxies', () => {
    expect(
      resolveClientAddress({
        forwardedFor: '1.1.1.1, 198.51.100.7, 10.0.0.2',
        socketAddress: peer,
        trustedProxies: 2,
      }),
    ).toBe('198.51.100.7')
  })

  it('should fall back to the socket when the header has fewer entries than trusted proxies', () => {
    expect(
      resolveClientAddress({
        forwardedFor: '198.51.100.7',
        socketAddress: peer,
        trustedProxies: 2,
      }),
    ).toBe(peer)
    expect(
      resolveClientAddress({ forwardedFor: null, socketAddress: peer, trustedProxies: 1 }),
    ).toBe(peer)
  })

  it('should not accept a trusted entry that is not an address', () => {
    expect(
      resolveClientAddress({
        forwardedFor: 'evil, <script>',
        socketAddress: peer,
        trustedProxies: 1,
      }),
    ).toBeNull()
  })
})

describe('normaliseIpAddress', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    [' 192.0.2.1:8080 ', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:c000:0201', '192.0.2.1'],
    ['::1', '0000:0000:0000:0000:0000:0000:0000:0001'],
    ['[2001:db8::1]:443', '2001:0db8:0000:0000:0000:0000:0000:0001'],
    ['2001:DB8:0:0:8:800:200C:417A', '2001:0db8:0000:0000:0008:0800:200c:417a'],
    ['fe80::1%eth0', 'fe80:0000:0000:0000:0000:0000:0000:0001'],
    ['64:ff9b::192.0.2.33', '0064:ff9b:0000:0000:0000:0000:c000:0221'],
  ])('should read %j as %s', (text, expected) => {
    expect(normaliseIpAddress(text)).toBe(expected)
  })

  it.each(['', 'unknown', '256.1.1.1', '1.2.3', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1'])(
    'should refuse %j',
    (text) => {
      expect(normaliseIpAddress(text)).toBeNull()
    },
  )
})

describe('throttleKeyFor', () => {
  it('should throttle an IPv4 client by its address', () => {
    expect(throttleKeyFor('192.0.2.1')).toBe('192.0.2.1')
  })

  it('should throttle an IPv6 client by its /64, so rotating within it gains nothing', () => {
    const a = throttleKeyFor(normaliseIpAddress('2001:db8:1:2::1'))
    const b = throttleKeyFor(normaliseIpAddress('2001:db8:1:2:ffff:ffff:ffff:ffff'))
    expect(a).toBe('2001:0db8:0001:0002::/64')
    expect(b).toBe(a)
    expect(throttleKeyFor(normaliseIpAddress('2001:db8:1:3::1'))).not.toBe(a)
  })

  it('should put every client of unknown address under one key, so unknown fails closed', () => {
    expect(throttleKeyFor(null)).toBe('unknown')
  })
})
