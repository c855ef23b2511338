import { getPayload, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { seed } from '../../seed'

let payload: Payload

beforeAll(async () => {
  payload = await getPayload({ config })
})

describe('demo seed', () => {
  it('should create the demo toolkit with its modules, exercises, clips and users', async () => {
    await seed({ payload })
    const count = async (collection: Parameters<Payload['count']>[0]['collection']) =>
      (await payload.count({ collection })).totalDocs
    expect(await count('toolkits')).toBe(1)
    expect(await count('modules')).toBe(4)
    expect(await count('exercises')).toBe(24)
    expect(await count('clips')).toBe(26)
    expect(await count('scripts')).toBe(26)
    expect(await count('audiences')).toBe(4)
    expect(await count('accents')).toBe(3)
    expect(await count('users')).toBe(4)
  })
})
