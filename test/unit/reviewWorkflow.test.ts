import { describe, expect, it } from 'vitest'

import {
  allowedActions,
  decide,
  hasRequiredApprovals,
  REVIEW_STATE_LABELS,
  type Actor,
  type Approval,
  type ReviewAction,
  type ReviewContext,
  type ReviewState,
  type Role,
} from '../../src/domain/scripts/reviewWorkflow'

const NOW = '2025-03-01T10:00:00.000Z'

const ACTORS = {
  admin: { userId: 'u-admin', role: 'admin', isAssignedCoProducer: false, isReviewer: false },
  designer: { userId: 'u-des', role: 'designer', isAssignedCoProducer: false, isReviewer: false },
  publisher: { userId: 'u-pub', role: 'publisher', isAssignedCoProducer: true, isReviewer: true },
  coUnassigned: {
    userId: 'u-co0',
    role: 'coProducer',
    isAssignedCoProducer: false,
    isReviewer: false,
  },
  coAssigned: {
    userId: 'u-co1',
    role: 'coProducer',
    isAssignedCoProducer: true,
    isReviewer: false,
  },
  coReviewer: {
    userId: 'u-co2',
    role: 'coProducer',
    isAssignedCoProducer: false,
    isReviewer: true,
  },
  coBoth: { userId: 'u-co3', role: 'coProducer', isAssignedCoProducer: true, isReviewer: true },
} satisfies Record<string, Actor>

type ActorName = keyof typeof ACTORS
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[]
const STATES: ReviewState[] = ['draft', 'inReview', 'changesRequested', 'approved']
const ACTIONS: ReviewAction[] = ['submit', 'approve', 'requestChanges', 'returnToDraft', 'editText']

const REVIEWERS = ['u-co2', 'u-des']
const REVIEWER_ROLES: Record<string, Role> = {
  'u-admin': 'admin',
  'u-des': 'designer',
  'u-pub': 'publisher',
  'u-co1': 'coProducer',
  'u-co2': 'coProducer',
  'u-co3': 'coProducer',
}

const approval = (overrides: Partial<Approval> = {}): Approval => ({
  userId: 'u-co2',
  role: 'coProducer',
  versionId: 'v2',
  contentHash: 'hash-v2',
  at: '2025-02-28T09:00:00.000Z',
  ...overrides,
})

const contextIn = (state: ReviewState, overrides: Partial<ReviewContext> = {}): ReviewContext => ({
  state,
  approvals: [],
  reviewers: state === 'draft' ? [] : REVIEWERS,
  versionId: 'v2',
  contentHash: 'hash-v2',
  ...overrides,
})

const run = (
  context: ReviewContext,
  action: ReviewAction,
  actor: Actor,
  extra: { reviewers?: string[]; reviewerRoles?: Record<string, Role> } = {},
) =>
  decide({
    context,
    action,
    actor,
    now: NOW,
    ...(action === 'submit' ? { reviewers: REVIEWERS, reviewerRoles: REVIEWER_ROLES } : {}),
    ...extra,
  })

// Expected outcome of every action × state for each actor, in ACTOR_NAMES order:
// [admin, designer, publisher, coUnassigned, coAssigned, coReviewer, coBoth].
// A state name means ok with that next state; 400/403 means refused with that status.
type Outcome = ReviewState | 400 | 403
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]
const EXPECTED: Record<ReviewAction, Record<ReviewState, Row>> = {
  submit: {
    draft: ['inReview', 'inReview', 403, 403, 'inReview', 403, 'inReview'],
    inReview: [400, 400, 403, 403, 400, 403, 400],
    changesRequested: [400, 400, 403, 403, 400, 403, 400],
    approved: [400, 400, 403, 403, 400, 403, 400],
  },
  approve: {
    draft: [400, 400, 403, 403, 403, 400, 400],
    // With no earlier approvals one approval is not enough, so the script stays in review.
    inReview: ['inReview', 'inReview', 403, 403, 403, 'inReview', 'inReview'],
    changesRequested: [400, 400, 403, 403, 403, 400, 400],
    approved: [400, 400, 403, 403, 403, 400, 400],
  },
  requestChanges: {
    draft: [400, 400, 403, 403, 403, 400, 400],
    inReview: [
      'changesRequested',
      'changesRequested',
      403,
      403,
      403,
      'changesRequested',
      'changesRequested',
    ],
    changesRequested: [400, 400, 403, 403, 403, 400, 400],
    approved: [400, 400, 403, 403, 403, 400, 400],
  },
  returnToDraft: {
    draft: [400, 400, 403, 403, 400, 403, 400],
    inReview: [400, 400, 403, 403, 400, 403, 400],
    changesRequested: ['draft', 'draft', 403, 403, 'draft', 403, 'draft'],
    approved: [400, 400, 403, 403, 400, 403, 400],
  },
  editText: {
    draft: ['draft', 'draft', 403, 403, 'draft', 403, 'draft'],
    inReview: [400, 400, 403, 403, 400, 403, 400],
    changesRequested: [
      'changesRequested',
      'changesRequested',
      403,
      403,
      'changesRequested',
      403,
      'changesRequested',
    ],
    approved: ['draft', 'draft', 403, 403, 403, 403, 403],
  },
}

const cases = ACTIONS.flatMap((action) =>
  STATES.flatMap((state) =>
    ACTOR_NAMES.map((actorName, i) => ({
      action,
      state,
      actorName,
      expected: EXPECTED[action][state][i],
    })),
  ),
)

describe('decide: every role × state × action', () => {
  it('should cover 7 actor variants × 4 states × 5 actions', () => {
    expect(cases).toHaveLength(140)
  })

  it.each(cases)(
    '$actorName $action in $state → $expected',
    ({ action, state, actorName, expected }) => {
      const result = run(contextIn(state), action, ACTORS[actorName])
      if (typeof expected === 'number') {
        expect(result).toMatchObject({ ok: false, status: expected })
        if (!result.ok) expect(result.reason).toMatch(/\.$/)
      } else {
        expect(result).toMatchObject({ ok: true, next: expected })
      }
    },
  )
})

describe('decide: refusal reasons', () => {
  it('should tell a reviewer that a script in review cannot be submitted again', () => {
    expect(run(contextIn('inReview'), 'submit', ACTORS.designer)).toEqual({
      ok: false,
      status: 400,
      reason: 'A script in review cannot be submitted again; approve it or request changes.',
    })
  })

  it('should ask for a return to draft before resubmitting after changes were requested', () => {
    const result = run(contextIn('changesRequested'), 'submit', ACTORS.coAssigned)
    expect(result).toMatchObject({ ok: false, status: 400 })
    if (!result.ok) expect(result.reason).toContain('return it to draft first')
  })

  it('should ask for changes to be requested before editing a script in review', () => {
    const result = run(contextIn('inReview'), 'editText', ACTORS.admin)
    expect(result).toMatchObject({ ok: false, status: 400 })
    if (!result.ok) expect(result.reason).toContain('request changes first')
  })

  it('should name the action when refusing a publisher', () => {
    expect(run(contextIn('inReview'), 'approve', ACTORS.publisher)).toEqual({
      ok: false,
      status: 403,
      reason: 'Publishers cannot approve a script.',
    })
  })

  it('should refuse a co-producer reopening approved text with 403 and point to staff', () => {
    const result = run(contextIn('approved'), 'editText', ACTORS.coBoth)
    expect(result).toMatchObject({ ok: false, status: 403 })
    if (!result.ok) expect(result.reason).toContain('designer or admin')
  })
})

describe('decide: results', () => {
  it('should submit a draft with the chosen reviewers and no approvals', () => {
    const context = contextIn('draft', { approvals: [approval({ versionId: 'v1' })] })
    expect(
      decide({
        context,
        action: 'submit',
        actor: ACTORS.coAssigned,
        now: NOW,
        reviewers: ['u-co2', 'u-des', 'u-co2'],
        reviewerRoles: REVIEWER_ROLES,
      }),
    ).toEqual({
      ok: true,
      next: 'inReview',
      approvals: [],
      reviewers: ['u-co2', 'u-des'],
      clearsApprovals: true,
      marksMediaStale: false,
      event: 'submitted',
    })
  })

  it('should clear approvals when changes are requested', () => {
    const context = contextIn('inReview', { approvals: [approval()] })
    expect(run(context, 'requestChanges', ACTORS.designer)).toEqual({
      ok: true,
      next: 'changesRequested',
      approvals: [],
      reviewers: REVIEWERS,
      clearsApprovals: true,
      marksMediaStale: false,
      event: 'changesRequested',
    })
  })

  it('should return to draft keeping the reviewers for the next submit', () => {
    expect(run(contextIn('changesRequested'), 'returnToDraft', ACTORS.coAssigned)).toEqual({
      ok: true,
      next: 'draft',
      approvals: [],
      reviewers: REVIEWERS,
      clearsApprovals: false,
      marksMediaStale: false,
      event: 'returnedToDraft',
    })
  })

  it('should keep the state when drafting text, without marking media stale', () => {
    for (const state of ['draft', 'changesRequested'] as const) {
      expect(run(contextIn(state), 'editText', ACTORS.coAssigned)).toMatchObject({
        ok: true,
        next: state,
        clearsApprovals: false,
        marksMediaStale: false,
        event: 'textEdited',
      })
    }
  })

  it('should reopen approved text as a draft, clearing approvals and marking media stale', () => {
    const context = contextIn('approved', {
      approvals: [approval(), approval({ userId: 'u-des', role: 'designer' })],
    })
    expect(run(context, 'editText', ACTORS.designer)).toEqual({
      ok: true,
      next: 'draft',
      approvals: [],
      reviewers: REVIEWERS,
      clearsApprovals: true,
      marksMediaStale: true,
      event: 'approvedTextEdited',
    })
  })
})

describe('decide: approvals', () => {
  it('should record who approved which version and content at what time', () => {
    const result = run(contextIn('inReview'), 'approve', ACTORS.coReviewer)
    expect(result).toEqual({
      ok: true,
      next: 'inReview',
      approvals: [
        { userId: 'u-co2', role: 'coProducer', versionId: 'v2', contentHash: 'hash-v2', at: NOW },
      ],
      reviewers: REVIEWERS,
      clearsApprovals: false,
      marksMediaStale: false,
      event: 'approvalRecorded',
    })
  })

  it('should approve once a co-producer and a designer have both approved this version', () => {
    const context = contextIn('inReview', { approvals: [approval()] })
    const result = run(context, 'approve', ACTORS.designer)
    expect(result).toMatchObject({ ok: true, next: 'approved', event: 'approved' })
    if (result.ok) expect(result.approvals.map((a) => a.role)).toEqual(['coProducer', 'designer'])
  })

  it('should accept an admin in place of a designer', () => {
    const context = contextIn('inReview', { approvals: [approval()] })
    expect(run(context, 'approve', ACTORS.admin)).toMatchObject({ ok: true, next: 'approved' })
  })

  it('should need a co-producer even when several staff approve', () => {
    const context = contextIn('inReview', {
      approvals: [approval({ userId: 'u-des', role: 'designer' })],
    })
    expect(run(context, 'approve', ACTORS.admin)).toMatchObject({
      ok: true,
      next: 'inReview',
      event: 'approvalRecorded',
    })
  })

  it('should need a designer or admin even when several co-producers approve', () => {
    const context = contextIn('inReview', { approvals: [approval()] })
    expect(run(context, 'approve', ACTORS.coBoth)).toMatchObject({ ok: true, next: 'inReview' })
  })

  it('should refuse the same person approving the same version twice', () => {
    const context = contextIn('inReview', { approvals: [approval()] })
    const result = run(context, 'approve', ACTORS.coReviewer)
    expect(result).toMatchObject({ ok: false, status: 400 })
    if (!result.ok) expect(result.reason).toContain('already approved')
  })

  it('should let a person approve again once the version has changed', () => {
    const context = contextIn('inReview', { approvals: [approval({ versionId: 'v1' })] })
    expect(run(context, 'approve', ACTORS.coReviewer)).toMatchObject({
      ok: true,
      next: 'inReview',
    })
  })

  it('should not count approvals of an older version', () => {
    const context = contextIn('inReview', {
      approvals: [
        approval({ versionId: 'v1', contentHash: 'hash-v1' }),
        approval({ userId: 'u-admin', role: 'admin', versionId: 'v1', contentHash: 'hash-v1' }),
      ],
    })
    const result = run(context, 'approve', ACTORS.designer)
    expect(result).toMatchObject({ ok: true, next: 'inReview', event: 'approvalRecorded' })
    // Older approvals are kept as history.
    if (result.ok) expect(result.approvals).toHaveLength(3)
  })
})

describe('decide: reviewer validation on submit', () => {
  const submit = (reviewers: string[] | undefined, reviewerRoles = REVIEWER_ROLES) =>
    decide({
      context: contextIn('draft'),
      action: 'submit',
      actor: ACTORS.designer,
      now: NOW,
      reviewers,
      reviewerRoles,
    })
  const reasonOf = (d: ReturnType<typeof decide>) => (d.ok ? '' : d.reason)

  it('should require reviewers', () => {
    for (const reviewers of [undefined, []]) {
      const result = submit(reviewers)
      expect(result).toMatchObject({ ok: false, status: 400 })
      expect(reasonOf(result)).toContain('Choose reviewers')
    }
  })

  it('should require a co-producer reviewer', () => {
    const result = submit(['u-des', 'u-admin'])
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(reasonOf(result)).toBe('The reviewers must include at least one co-producer.')
  })

  it('should require a designer or admin reviewer', () => {
    const result = submit(['u-co1', 'u-co2'])
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(reasonOf(result)).toBe('The reviewers must include at least one designer or admin.')
  })

  it('should accept an admin as the staff reviewer', () => {
    expect(submit(['u-co1', 'u-admin'])).toMatchObject({ ok: true, next: 'inReview' })
  })

  it('should refuse reviewers whose role is unknown', () => {
    const result = submit(['u-co1', 'u-des', 'u-ghost'])
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(reasonOf(result)).toContain('u-ghost')
  })

  it('should refuse publishers as reviewers', () => {
    const result = submit(['u-co1', 'u-des', 'u-pub'])
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(reasonOf(result)).toContain('Publishers cannot review')
  })

  it('should refuse an empty reviewer id', () => {
    expect(submit(['u-co1', 'u-des', ' '])).toMatchObject({ ok: false, status: 400 })
  })

  it('should check permission and state before reviewers', () => {
    expect(
      decide({ context: contextIn('draft'), action: 'submit', actor: ACTORS.publisher, now: NOW }),
    ).toMatchObject({ status: 403 })
    expect(
      decide({ context: contextIn('inReview'), action: 'submit', actor: ACTORS.admin, now: NOW }),
    ).toMatchObject({ status: 400, reason: expect.stringContaining('in review') })
  })
})

describe('allowedActions', () => {
  it.each(STATES.flatMap((state) => ACTOR_NAMES.map((actorName) => ({ state, actorName }))))(
    'should list exactly the non-edit actions decide accepts for $actorName in $state',
    ({ state, actorName }) => {
      const actor = ACTORS[actorName]
      const expected = ACTIONS.filter(
        (action) => action !== 'editText' && run(contextIn(state), action, actor).ok,
      )
      expect(allowedActions(contextIn(state), actor)).toEqual(expected)
    },
  )

  it('should show the expected buttons', () => {
    expect(allowedActions(contextIn('draft'), ACTORS.coAssigned)).toEqual(['submit'])
    expect(allowedActions(contextIn('inReview'), ACTORS.coReviewer)).toEqual([
      'approve',
      'requestChanges',
    ])
    expect(allowedActions(contextIn('changesRequested'), ACTORS.designer)).toEqual([
      'returnToDraft',
    ])
    expect(allowedActions(contextIn('approved'), ACTORS.admin)).toEqual([])
    expect(allowedActions(contextIn('inReview'), ACTORS.publisher)).toEqual([])
  })

  it('should hide approve from someone who already approved this version', () => {
    const context = contextIn('inReview', { approvals: [approval()] })
    expect(allowedActions(context, ACTORS.coReviewer)).toEqual(['requestChanges'])
  })
})

describe('hasRequiredApprovals', () => {
  it('should need both a co-producer and a designer-or-admin approval of the version', () => {
    const co = approval()
    const des = approval({ userId: 'u-des', role: 'designer' })
    const adm = approval({ userId: 'u-admin', role: 'admin' })
    expect(hasRequiredApprovals([], 'v2')).toBe(false)
    expect(hasRequiredApprovals([co], 'v2')).toBe(false)
    expect(hasRequiredApprovals([des, adm], 'v2')).toBe(false)
    expect(hasRequiredApprovals([co, des], 'v2')).toBe(true)
    expect(hasRequiredApprovals([adm, co], 'v2')).toBe(true)
  })

  it('should ignore approvals of other versions', () => {
    const co = approval({ versionId: 'v1' })
    const des = approval({ userId: 'u-des', role: 'designer' })
    expect(hasRequiredApprovals([co, des], 'v2')).toBe(false)
    expect(hasRequiredApprovals([co, des], 'v1')).toBe(false)
  })
})

describe('REVIEW_STATE_LABELS', () => {
  it('should label every state as the Scripts collection does', () => {
    expect(REVIEW_STATE_LABELS).toEqual({
      draft: 'Draft',
      inReview: 'In review',
      changesRequested: 'Changes requested',
      approved: 'Approved',
    })
  })
})
