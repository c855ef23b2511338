import { describe, expect, it } from 'vitest'

import { matchDeliveryRoute } from '../../src/domain/delivery/routes'

const sha = 'a'.repeat(64)

describe('the delivery routes a path names', () => {
  it('should name every route of the delivery API, its parameters decoded', () => {
    expect(matchDeliveryRoute('/api/delivery/toolkits')).toEqual({ route: { name: 'toolkits' } })
    expect(matchDeliveryRoute('/api/delivery/keys')).toEqual({ route: { name: 'keys' } })
    expect(matchDeliveryRoute(`/api/delivery/assets/${sha}.m3u8`)).toEqual({
      route: { name: 'asset', asset: `${sha}.m3u8` },
    })
    expect(matchDeliveryRoute('/api/delivery/toolkits/a%20b/releases/latest')).toEqual({
      route: { name: 'latest', slug: 'a b' },
    })
    for (const [file, name] of [
      ['manifest.json', 'manifest'],
      ['bundle.zip', 'bundle'],
      ['delta', 'delta'],
    ])
      expect(matchDeliveryRoute(`/api/delivery/toolkits/hr/releases/1.2.0/${file}`)).toEqual({
        route: { name, slug: 'hr', version: '1.2.0' },
      })
  })

  it('should answer 404 to a path that names no route, even one like a route', () => {
    for (const path of [
      '/api/delivery/',
      '/api/delivery/toolkits/',
      '/api/delivery/toolkits/hr',
      '/api/delivery/toolkits/hr/releases',
      '/api/delivery/toolkits/hr/releases/1.0.0',
      '/api/delivery/toolkits/hr/releases/1.0.0/manifest.json/more',
      '/api/delivery/toolkits/hr/releases/1.0.0/constructor',
      '/api/delivery/toolkits/hr/releases/1.0.0/__proto__',
      '/api/delivery/toolkits//releases/latest',
      '/api/delivery/assets',
      `/api/delivery/assets/${sha}/x`,
      '/api/delivery/keys/x',
      '/api/clips',
      `/api/delivery/toolkits/${'x'.repeat(600)}/releases/latest`,
    ])
      expect(matchDeliveryRoute(path), path).toMatchObject({ status: 404 })
  })

  it('should answer 400, saying why, to a version that is not one or a path that is not text', () => {
    expect(matchDeliveryRoute('/api/delivery/toolkits/hr/releases/1.0/manifest.json')).toEqual({
      status: 400,
      problem: '"1.0" is not a release version (e.g. 1.2.0).',
    })
    expect(matchDeliveryRoute('/api/delivery/toolkits/%E2%80/releases/latest')).toMatchObject({
      status: 400,
      problem: expect.stringContaining('percent-escape'),
    })
  })
})
