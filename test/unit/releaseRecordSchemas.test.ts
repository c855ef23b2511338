import Ajv from 'ajv'
import { describe, expect, expectTypeOf, it } from 'vitest'

import { exercise, foundation } from './helpers/releaseDocuments'
import { freezeDocuments } from '../../src/domain/releases/freeze'
import { preflight, type PreflightResult } from '../../src/domain/releases/preflight'
import {
  buildProgressSchema,
  frozenReleaseSchema,
  releasePreflightSchema,
} from '../../src/domain/releases/releaseRecordSchemas'
import type { ReleasePreflight } from '../../src/payload-types'

const ajv = new Ajv({ allErrors: true, strict: true })
const accepts = (schema: object, value: unknown) => {
  const validate = ajv.compile(structuredClone(schema))
  return validate(value) ? [] : validate.errors
}

describe('release record schemas', () => {
  it('should describe the preflight result exactly as preflight.ts types it', () => {
    // The schema lists the problem codes again; this fails when one side gains or loses one.
    expectTypeOf<PreflightResult>().toEqualTypeOf<ReleasePreflight>()
  })

  it('should accept what preflight, the freeze and the build write', () => {
    const result = preflight({
      toolkit: { id: 't1', slug: 'toolkit', title: 'Toolkit' },
      modules: [foundation],
      exercises: [exercise],
      clips: [],
      scripts: [],
      audiences: [{ id: 'a1', slug: 'mainstream', label: 'Mainstream' }],
      locales: [],
      accents: [],
    })
    expect(result.problems.map((p) => p.code)).toEqual(['no-locales', 'no-accents', 'no-clip'])
    expect(accepts(releasePreflightSchema, result)).toEqual([])

    const documents = freezeDocuments({
      modules: [foundation],
      exercises: [exercise],
      clips: [],
      scripts: [{ id: '5', title: 'Script', publishedVersionId: null }],
    })
    expect(accepts(frozenReleaseSchema, { version: '1.0.0', documents })).toEqual([])

    const at = '2026-11-27T10:00:00.000Z'
    const progress = { phase: 'assets', done: 3, total: 12, startedAt: at, heartbeatAt: at }
    expect(accepts(buildProgressSchema, progress)).toEqual([])
  })

  it('should refuse a build phase the admin cannot describe', () => {
    const at = '2026-11-27T10:00:00.000Z'
    const progress = { phase: 'uploading', done: 0, total: 0, startedAt: at, heartbeatAt: at }
    expect(accepts(buildProgressSchema, progress)).not.toEqual([])
  })
})
