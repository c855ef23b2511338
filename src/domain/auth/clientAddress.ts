/**
 * Which address a request comes from, for throttling and the audit log.
 *
 * `TRUST_PROXY` is the number of reverse proxies in front of the studio, each of which appends
 * the address it received the connection from to `X-Forwarded-For` (nginx's
 * `$proxy_add_x_forwarded_for`, most load balancers). With N proxies, the entry N places from the
 * right is the one written by the outermost proxy: the address of whoever connected to it. Every
 * entry further left was written by the client and is ignored. Unset (or 0): no proxy is
 * trusted, `X-Forwarded-For` is ignored entirely and the address is the socket's peer.
 */

export interface ClientAddressInput {
  /** The raw `X-Forwarded-For` header, or null when absent. */
  forwardedFor: string | null
  /** The TCP peer of the connection, when the server could see it. */
  socketAddress: string | null
  trustedProxies: number
}

const MAX_TRUSTED_PROXIES = 10

/** Parses `TRUST_PROXY`: unset, empty, `0` or `false` trust nothing; `true` is one proxy. */
export function parseTrustProxy(value: string | undefined): number {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === '' || text === '0' || text === 'false') return 0
  if (text === 'true') return 1
  if (/^\d+$/.test(text) && Number(text) <= MAX_TRUSTED_PROXIES) return Number(text)
  throw new Error(
    `TRUST_PROXY must be the number of reverse proxies in front of the studio (1 for one nginx or load balancer), or unset when clients connect directly; got "${value}".`,
  )
}

/**
 * The client's address, or null when it cannot be known (then every such request shares one
 * throttle: unknown addresses fail closed, never open).
 */
export function resolveClientAddress({
  forwardedFor,
  socketAddress,
  trustedProxies,
}: ClientAddressInput): string | null {
  const peer = socketAddress === null ? null : normaliseIpAddress(socketAddress)
  if (trustedProxies === 0) return peer
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  // Fewer entries than proxies: the request did not come through all of them, so nothing in
  // the header can be trusted and the connection itself is all we know.
  if (hops.length < trustedProxies) return peer
  return normaliseIpAddress(hops[hops.length - trustedProxies])
}

/**
 * Canonical text of an IPv4 or IPv6 address (ports and brackets removed, IPv4-mapped IPv6 as
 * IPv4, IPv6 lower-case and uncompressed), or null for anything that is not an address.
 */
export function normaliseIpAddress(text: string): string | null {
  let value = text.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value)
  if (ipv4WithPort) value = ipv4WithPort[1]
  const zone = value.indexOf('%')
  if (zone !== -1) value = value.slice(0, zone)
  if (isIpv4(value)) return value.split('.').map(Number).join('.')
  const groups = ipv6Groups(value)
  if (!groups) return null
  const isMappedIpv4 = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff
  if (isMappedIpv4) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.')
  }
  return groups.map((g) => g.toString(16).padStart(4, '0')).join(':')
}

/**
 * The key one client is throttled under. An IPv6 host usually holds a whole /64, so the /64 is
 * one client; otherwise an attacker would have 2^64 fresh addresses to rotate through.
 */
export function throttleKeyFor(address: string | null): string {
  if (address === null) return 'unknown'
  if (!address.includes(':')) return address
  return `${address.split(':').slice(0, 4).join(':')}::/64`
}

function isIpv4(value: string): boolean {
  const parts = value.split('.')
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
}

function ipv6Groups(value: string): number[] | null {
  if (!value.includes(':') || !/^[0-9a-fA-F:.]+$/.test(value)) return null
  let text = value
  const tail: number[] = []
  if (text.includes('.')) {
    // An embedded IPv4 address stands for the last two groups ("::ffff:192.0.2.1").
    const lastColon = text.lastIndexOf(':')
    const ipv4 = text.slice(lastColon + 1)
    if (!isIpv4(ipv4)) return null
    const [a, b, c, d] = ipv4.split('.').map(Number)
    tail.push((a << 8) | b, (c << 8) | d)
    text = text.slice(0, lastColon + 1)
    if (!text.endsWith('::')) text = text.slice(0, -1)
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const words = (half: string) => (half === '' ? [] : half.split(':'))
  const head = words(halves[0])
  const rest = halves.length === 2 ? words(halves[1]) : []
  if (![...head, ...rest].every((word) => /^[0-9a-fA-F]{1,4}$/.test(word))) return null
  const explicit = head.length + rest.length + tail.length
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null
  const numbers = (list: string[]) => list.map((word) => parseInt(word, 16))
  const zeros = new Array<number>(8 - explicit).fill(0)
  return [...numbers(head), ...zeros, ...numbers(rest), ...tail]
}
