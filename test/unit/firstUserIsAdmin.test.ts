import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { firstUserIsAdmin } from '../../src/collections/Users/hooks/firstUserIsAdmin'

const reqWithUsers = (totalDocs: number) =>
  ({ payload: { count: async () => ({ totalDocs }) } }) as unknown as PayloadRequest

const run = (operation: 'create' | 'update', totalDocs: number) =>
  firstUserIsAdmin({
    data: { role: 'designer', displayName: 'First' },
    operation,
    req: reqWithUsers(totalDocs),
  } as unknown as Parameters<typeof firstUserIsAdmin>[0])

describe('firstUserIsAdmin', () => {
  it('should make the first account on an empty studio an admin', async () => {
    await expect(run('create', 0)).resolves.toEqual({ role: 'admin', displayName: 'First' })
  })

  it('should keep the requested role once any account exists', async () => {
    await expect(run('create', 1)).resolves.toEqual({ role: 'designer', displayName: 'First' })
  })

  it('should leave updates alone', async () => {
    await expect(run('update', 0)).resolves.toEqual({ role: 'designer', displayName: 'First' })
  })
})
