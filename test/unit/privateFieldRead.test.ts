import type { FieldAccess } from 'payload'
import { describe, expect, it } from 'vitest'

import { adminsOnlyRead, adminsOrSubjectRead } from '../../src/access/privateFieldRead'
import { privateField } from '../../src/fields/privateField'

type Args = Parameters<FieldAccess>[0]

const asker = (role: string | null, id: number | string = 7, collection = 'users') =>
  role === null ? null : { id, role, collection }

const read = async (rule: FieldAccess, user: unknown, doc?: Record<string, unknown>) =>
  rule({ req: { user }, doc, data: doc, siblingData: doc ?? {} } as unknown as Args)

describe('adminsOrSubjectRead', () => {
  it('should let admins read, with or without the document', async () => {
    await expect(read(adminsOrSubjectRead, asker('admin'), { id: 3 })).resolves.toBe(true)
    await expect(read(adminsOrSubjectRead, asker('admin'))).resolves.toBe(true)
  })

  it('should let a person read their own value, whatever type the ids are', async () => {
    await expect(read(adminsOrSubjectRead, asker('coProducer', 7), { id: 7 })).resolves.toBe(true)
    await expect(read(adminsOrSubjectRead, asker('designer', '7'), { id: 7 })).resolves.toBe(true)
  })

  it("should never decide from the row's other columns", async () => {
    // The old rule let anyone read a row that did not say "coProducer" in its role column.
    for (const row of [{ id: 3 }, { id: 3, role: 'designer' }, { id: 3, role: undefined }]) {
      for (const role of ['designer', 'publisher', 'coProducer']) {
        await expect(
          read(adminsOrSubjectRead, asker(role), row),
          `${role} ${JSON.stringify(row)}`,
        ).resolves.toBe(false)
      }
    }
  })

  it('should hide when it cannot tell: no document (a where or sort), no id', async () => {
    await expect(read(adminsOrSubjectRead, asker('coProducer'))).resolves.toBe(false)
    await expect(read(adminsOrSubjectRead, asker('coProducer'), {})).resolves.toBe(false)
    await expect(read(adminsOrSubjectRead, asker('coProducer'), { id: null })).resolves.toBe(false)
  })

  it('should refuse anonymous callers, delivery apps and unknown roles', async () => {
    await expect(read(adminsOrSubjectRead, null, { id: 7 })).resolves.toBe(false)
    await expect(
      read(adminsOrSubjectRead, asker('admin', 7, 'delivery-apps'), { id: 7 }),
    ).resolves.toBe(false)
    await expect(read(adminsOrSubjectRead, asker('owner'), { id: 7 })).resolves.toBe(false)
  })
})

describe('adminsOnlyRead', () => {
  it('should let only admins read', async () => {
    await expect(read(adminsOnlyRead, asker('admin'), { id: 7 })).resolves.toBe(true)
    await expect(read(adminsOnlyRead, asker('designer', 7), { id: 7 })).resolves.toBe(false)
  })
})

describe('privateField', () => {
  it('should mark the field and set its read rule, keeping its other access rules', () => {
    const update = () => false
    const field = privateField({ name: 'phone', type: 'text', access: { update } })
    expect(field.custom).toEqual({ private: true })
    expect(field.access).toEqual({ update, read: adminsOnlyRead })
    const own = privateField({ name: 'phone', type: 'text' }, { readableBySubject: true })
    expect(own.access?.read).toBe(adminsOrSubjectRead)
  })
})
