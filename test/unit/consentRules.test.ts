import { describe, expect, it } from 'vitest'

import {
  consentDate,
  contributionsTo,
  creditsFor,
  type PersonConsent,
  withdrawalsIn,
  withdrawnHoldings,
  withdrawnParts,
} from '../../src/domain/consent/consentRules'
import { erasedEmail, erasureRefusal } from '../../src/domain/consent/erasure'

const person = (
  pseudonym: string,
  choices: PersonConsent['choices'],
  withdrawn: PersonConsent['withdrawn'] = {},
): PersonConsent => ({ pseudonym, choices, withdrawn })

describe('consent rules', () => {
  it('should count a part going from agreed to not agreed as a withdrawal, and nothing else', () => {
    const at = '2026-12-02T10:00:00.000Z'
    expect(withdrawalsIn(null, { words: false }, at)).toEqual([])
    expect(
      withdrawalsIn(
        { credit: true, words: true, voice: false },
        { credit: true, words: false, voice: true },
        at,
      ),
    ).toEqual([{ part: 'words', at }])
    expect(withdrawalsIn({ credit: true, voice: true }, { credit: null }, at)).toEqual([
      { part: 'credit', at },
      { part: 'voice', at },
    ])
  })

  it('should keep a withdrawal in force until the part is agreed again', () => {
    const withdrawals = [
      { part: 'words' as const, at: '2026-11-01T00:00:00.000Z' },
      { part: 'words' as const, at: '2026-12-01T00:00:00.000Z' },
      { part: 'voice' as const, at: '2026-11-15T00:00:00.000Z' },
    ]
    expect(withdrawnParts({ words: false, voice: true }, withdrawals)).toEqual({
      words: '2026-12-01T00:00:00.000Z',
    })
    // Never agreed is not withdrawn.
    expect(withdrawnParts({ credit: false }, [])).toEqual({})
  })

  it('should date withdrawals in plain words, in UTC', () => {
    expect(consentDate('2026-12-02T23:30:00.000Z')).toBe('2 December 2026')
  })

  it("should list each person's work in the clips and accents a release uses", () => {
    const sources = {
      approvers: { s1: ['u2', 'u1'], s2: ['u1'], s9: ['u3'] },
      recorders: { c1: { geordie: 'u2', scouse: 'u3' }, c2: { geordie: 'u2' } },
    }
    const used = {
      clipIds: ['c1', 'c2'],
      scripts: [
        { id: 's1', clipId: 'c1' },
        { id: 's2', clipId: 'c2' },
        { id: 's9', clipId: 'c9' },
      ],
      accentIds: ['geordie'],
    }
    expect(contributionsTo(sources, used)).toEqual([
      { userId: 'u1', scripts: ['s1', 's2'], clips: [] },
      { userId: 'u2', scripts: ['s1'], clips: ['c1', 'c2'] },
    ])
  })

  it('should credit only those who said yes to credit, once each, sorted', () => {
    const contributions = [
      { userId: 'u1', scripts: ['s1'], clips: [] },
      { userId: 'u2', scripts: ['s1'], clips: [] },
      { userId: 'u3', scripts: [], clips: ['c1'] },
      { userId: 'u4', scripts: ['s2'], clips: [] },
    ]
    const consents = {
      u1: person('Sam', { credit: true, words: true, voice: false }),
      u2: person('Alex', { credit: true, words: true, voice: false }),
      u3: person('Jo', { credit: false, words: true, voice: true }),
    }
    expect(creditsFor(contributions, consents)).toEqual(['Alex', 'Sam'])
  })

  it('should name the withdrawn work a published release holds', () => {
    const contributions = [
      { userId: 'u1', scripts: ['s1'], clips: ['c1'] },
      { userId: 'u2', scripts: [], clips: ['c2'] },
    ]
    const consents = {
      u1: person('Sam', { credit: true, words: false, voice: true }, { words: '2026-12-01' }),
      u2: person('Jo', { credit: true, words: false, voice: true }, { words: '2026-12-01' }),
    }
    expect(withdrawnHoldings(contributions, consents)).toEqual([
      {
        userId: 'u1',
        pseudonym: 'Sam',
        words: { scripts: ['s1'], at: '2026-12-01' },
        voice: null,
      },
    ])
  })
})

describe('erasure rules', () => {
  it('should erase co-producers only, once, when their pseudonym is typed exactly', () => {
    const robin = { role: 'coProducer', pseudonym: 'Robin', erasedAt: null }
    expect(erasureRefusal(robin, ' Robin ')).toBeNull()
    expect(erasureRefusal(robin, 'robin')).toContain('type it exactly')
    expect(erasureRefusal({ ...robin, role: 'designer' }, 'Robin')).toContain('not a co-producer')
    expect(erasureRefusal({ ...robin, erasedAt: '2026-12-02' }, 'Robin')).toContain('already')
  })

  it('should give an erased account an address that cannot receive mail', () => {
    expect(erasedEmail(42)).toBe('erased-42@erased.invalid')
  })
})
