import { describe, expect, expectTypeOf, it } from 'vitest'

import config from '../../payload.config'
import {
  LOCALE_CODES,
  PROCESSING_STATUSES,
  type ProcessingStatus,
  type ReleaseStatus,
  type Role,
  type ScriptStatus,
} from '../../src/domain/vocabulary'
import type { Clip, Release, Script, User } from '../../src/payload-types'

describe('the vocabulary, kept once', () => {
  it('should be what the generated types say the collections hold', () => {
    // Checked by the type checker (npm test runs tsc over the tests too).
    expectTypeOf<NonNullable<Release['status']>>().toEqualTypeOf<ReleaseStatus>()
    expectTypeOf<NonNullable<Script['status']>>().toEqualTypeOf<ScriptStatus>()
    expectTypeOf<NonNullable<User['role']>>().toEqualTypeOf<Role>()
    expectTypeOf<
      NonNullable<NonNullable<Clip['processing']>['status']>
    >().toEqualTypeOf<ProcessingStatus>()
    expect(PROCESSING_STATUSES).toContain('ready')
  })

  it('should give the Payload config its locales, default first', async () => {
    const { localization } = await config
    if (!localization) throw new Error('the config has no localization')
    expect(localization.localeCodes).toEqual(LOCALE_CODES)
    expect(localization.defaultLocale).toBe(LOCALE_CODES[0])
  })
})
