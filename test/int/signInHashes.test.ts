import { describe, expect, it } from 'vitest'

import { getTestPayload } from './helpers/payload'
import { cleanUpFreshAccounts, freshAccount } from './helpers/signIn'
import { PASSWORD } from './helpers/world'
import { verifyPassword } from '../../src/lib/auth/passwordVerifier'

cleanUpFreshAccounts()

describe('sign-in: checking passwords as Payload does', () => {
  it("should accept the password Payload hashed and refuse others, at Payload's cost", async () => {
    const payload = await getTestPayload()
    const owner = await freshAccount(payload)
    const stored = await payload.db.findOne<{ id: number; hash: string; salt: string }>({
      collection: 'users',
      where: { id: { equals: owner.id } },
    })
    expect(stored?.hash).toMatch(/^pbkdf2-sha256-v1:[0-9a-f]{64}$/)
    expect(await verifyPassword(stored, PASSWORD)).toBe(true)
    expect(await verifyPassword(stored, `${PASSWORD}x`)).toBe(false)
    expect(await verifyPassword(null, PASSWORD)).toBe(false)
  })
})
