import { describe, expect, it } from 'vitest'

import { canaryUserFields } from './helpers/privacy/canaries'
import { fieldsReadBy, privateFieldsOf } from './helpers/privacy/reach'
import { adminsOnlyRead, adminsOrSubjectRead } from '../../src/access/privateFieldRead'
import configPromise from '@payload-config'

const config = await configPromise
const PRIVATE_RULES = [adminsOnlyRead, adminsOrSubjectRead]
const name = (ref: { collection: string; path: string }) => `${ref.collection}.${ref.path}`

describe('private fields in the config', () => {
  it("should mark a co-producer's real name and every email private (DESIGN.md)", () => {
    expect(privateFieldsOf(config).map(name)).toEqual(
      expect.arrayContaining(['users.realName', 'users.email']),
    )
  })

  it('should guard every field marked private with a private read rule', () => {
    const unguarded = privateFieldsOf(config).filter(
      (ref) => !PRIVATE_RULES.includes(ref.field.access?.read as never),
    )
    expect(unguarded.map(name), 'mark fields private with privateField() only').toEqual([])
  })

  it('should mark private every field read through a private rule', () => {
    const marked = new Set(privateFieldsOf(config).map(name))
    const unmarked = PRIVATE_RULES.flatMap((rule) => fieldsReadBy(config, rule)).filter(
      (ref) => !marked.has(name(ref)),
    )
    expect(unmarked.map(name), 'mark fields private with privateField() only').toEqual([])
  })

  it('should give the attack suite a canary for every private field, so it is attacked', () => {
    const attacked = new Set(canaryUserFields(config).map((f) => `users.${f.name}`))
    const missed = privateFieldsOf(config).filter((ref) => !attacked.has(name(ref)))
    expect(
      missed.map(name),
      'seed a canary value for these in test/int/helpers/privacy/canaries.ts',
    ).toEqual([])
  })
})
