import { describe, expect, it } from 'vitest'

import { AUDIT_ACTIONS } from '../../src/domain/audit/auditActions'
import { defaultSummary, topLevel } from '../../src/domain/audit/auditSummary'

describe('the sentence an audit entry gets when its writer gives none', () => {
  it('should name the fields of an update, at most six, and count the rest', () => {
    const fields = ['title', 'status', 'clip', 'scenes', 'characters', 'reviewers', 'approvals']
    expect(defaultSummary({ action: 'update', changedFields: fields }, 'Script 4')).toBe(
      'changed title, status, clip, scenes, characters, reviewers and 1 more in Script 4',
    )
    expect(defaultSummary({ action: 'update', changedFields: [] }, 'Script 4')).toBe(
      'saved Script 4 without changes',
    )
  })

  it('should have a sentence for every action the log records', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(defaultSummary({ action }, 'Clip 2'), action).toMatch(/\S/)
    }
  })

  it('should reduce nested paths to their top-level fields, once each', () => {
    expect(topLevel(['scenes.0.lines.1.text', 'scenes.1.heading', 'title'])).toEqual([
      'scenes',
      'title',
    ])
  })
})
