import { describe, expect, it } from 'vitest'

import { emailSettings } from '../../src/domain/config/emailSettings'
import {
  composeDigestEmail,
  composeNotice,
  composeSingleEmail,
  type NoticeFacts,
} from '../../src/domain/notifications/composeEmail'
import {
  deliveryModeFor,
  DIGEST_INTERVAL_MS,
  dueAtFor,
} from '../../src/domain/notifications/emailPreference'
import {
  recipientsOf,
  scriptNotices,
  type ScriptChange,
  type ScriptPeople,
} from '../../src/domain/notifications/whenToNotify'
import { withoutAddresses } from '../../src/domain/notifications/withoutAddresses'
import { NOTIFICATION_KINDS } from '../../src/domain/vocabulary'

const people = (
  status: ScriptPeople['status'],
  reviewers: string[] = [],
  approvers: string[] = [],
) => ({
  status,
  reviewers,
  approvers,
})

describe('when the studio tells people about a script', () => {
  it('should ask the chosen reviewers when a script is submitted, and nobody else', () => {
    const change: ScriptChange = {
      before: people('draft'),
      after: people('inReview', ['7', '8']),
      reopened: false,
    }
    const [notice, ...rest] = scriptNotices(change)
    expect(rest).toEqual([])
    expect(notice.kind).toBe('reviewRequested')
    expect(recipientsOf(notice, change, ['1'], '1')).toEqual(['7', '8'])
  })

  it('should tell the script’s editors when changes are asked for, but not the one asking', () => {
    const change: ScriptChange = {
      before: people('inReview', ['7']),
      after: people('changesRequested', ['7']),
      reopened: false,
    }
    const [notice] = scriptNotices(change)
    expect(notice.kind).toBe('changesRequested')
    expect(recipientsOf(notice, change, ['1', '7', '9'], '7')).toEqual(['1', '9'])
  })

  it('should tell reviewers, approvers and editors once each when a script is approved', () => {
    const change: ScriptChange = {
      before: people('inReview', ['7', '8'], ['8']),
      after: people('approved', ['7', '8'], ['8', '7']),
      reopened: false,
    }
    const [notice] = scriptNotices(change)
    expect(notice.kind).toBe('scriptApproved')
    expect(recipientsOf(notice, change, ['1', '8'], '7').sort()).toEqual(['1', '8'])
  })

  it('should tell the earlier approvers and reviewers when approved text is edited again', () => {
    const change: ScriptChange = {
      before: people('approved', ['7'], ['7', '8']),
      after: people('draft'),
      reopened: true,
    }
    const [notice] = scriptNotices(change)
    expect(notice.kind).toBe('scriptEditedAgain')
    expect(recipientsOf(notice, change, ['1'], '1').sort()).toEqual(['7', '8'])
  })

  it('should send nothing for a write that keeps the state: an autosave, a title fix in review', () => {
    for (const status of ['draft', 'inReview', 'changesRequested', 'approved'] as const) {
      expect(
        scriptNotices({ before: people(status), after: people(status), reopened: false }),
      ).toEqual([])
    }
    expect(
      scriptNotices({
        before: people('changesRequested'),
        after: people('draft'),
        reopened: false,
      }),
    ).toEqual([])
    for (const status of ['draft', 'inReview', 'approved'] as const)
      expect(
        scriptNotices({ before: null, after: people(status, ['4']), reopened: false }),
      ).toEqual([])
  })

  it('should never count an empty id as a person', () => {
    const change: ScriptChange = {
      before: people('draft'),
      after: people('inReview', ['', '4']),
      reopened: false,
    }
    expect(recipientsOf(scriptNotices(change)[0], change, [], null)).toEqual(['4'])
  })
})

describe('what the emails say', () => {
  const facts = (kind: NoticeFacts['kind']): NoticeFacts => ({
    kind,
    actorName: 'Robin',
    scriptTitle: 'Probation supervision: first meeting',
    release: { version: '1.2.0', toolkitTitle: 'Probation relationships toolkit' },
    link: 'https://studio.example/admin/collections/scripts/4',
  })

  it('should never say what the toolkit is for in a subject, whatever the titles say', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const notice = composeNotice(facts(kind))
      const single = composeSingleEmail({ recipientName: 'Sam', notice, accountLink: 'x' })
      expect(single.subject).not.toMatch(/probation/i)
      expect(single.subject).toMatch(/^CDM Studio: /)
      expect(single.text).toContain(facts(kind).link)
    }
    const digest = composeDigestEmail({
      recipientName: 'Sam',
      notices: NOTIFICATION_KINDS.map((kind) => composeNotice(facts(kind))),
      accountLink: 'x',
    })
    expect(digest.subject).toBe('CDM Studio: your daily update (5 things)')
    expect(digest.subject).not.toMatch(/probation/i)
  })

  it('should name the person acting as everyone sees them, and the recipient by their display name', () => {
    const notice = composeNotice(facts('reviewRequested'))
    expect(notice.text).toBe(
      'Robin asked you to review the script "Probation supervision: first meeting".\nOpen it here: https://studio.example/admin/collections/scripts/4',
    )
    const email = composeSingleEmail({
      recipientName: 'Sam',
      notice,
      accountLink: 'https://studio.example/admin/account',
    })
    expect(email.text.startsWith('Hello Sam,\n\n')).toBe(true)
    expect(email.text).toContain(
      'change "Emails from the studio" in your account: https://studio.example/admin/account',
    )
    expect(composeNotice({ ...facts('changesRequested'), actorName: '  ' }).text).toMatch(
      /^Someone asked/,
    )
  })

  it('should list a digest’s notices oldest first, numbered, and count them in the subject', () => {
    const notices = [composeNotice(facts('reviewRequested'))]
    const digest = composeDigestEmail({ recipientName: 'Sam', notices, accountLink: 'x' })
    expect(digest.subject).toBe('CDM Studio: your daily update (1 thing)')
    expect(digest.text).toContain('1. A script is waiting for your review\nRobin asked you')
  })
})

describe('how often people hear', () => {
  it('should send at once by default, in a digest a day later, or not at all', () => {
    const now = new Date('2026-12-02T10:00:00.000Z')
    expect(deliveryModeFor(undefined)).toBe('immediate')
    expect(deliveryModeFor(null)).toBe('immediate')
    expect(deliveryModeFor('every')).toBe('immediate')
    expect(deliveryModeFor('digest')).toBe('digest')
    expect(deliveryModeFor('none')).toBeNull()
    expect(dueAtFor('immediate', now)).toBe(now.toISOString())
    expect(new Date(dueAtFor('digest', now)).getTime() - now.getTime()).toBe(DIGEST_INTERVAL_MS)
  })
})

describe('email settings', () => {
  it('should have none without SMTP_URL, and read an SMTP URL with a sender from SERVER_URL', () => {
    expect(emailSettings({})).toBeNull()
    expect(emailSettings({ smtpUrl: '  ' })).toBeNull()
    expect(
      emailSettings({
        smtpUrl: 'smtp://user:pw@mail.example:587',
        serverUrl: 'https://studio.example.org',
      }),
    ).toEqual({
      smtpUrl: 'smtp://user:pw@mail.example:587',
      fromAddress: 'cdm-studio@studio.example.org',
      fromName: 'CDM Studio',
    })
    expect(
      emailSettings({ smtpUrl: 'smtps://mail.example', emailFrom: 'team@example.org' })
        ?.fromAddress,
    ).toBe('team@example.org')
  })

  it('should refuse at start-up what is not an SMTP URL or a plain sender address, saying why', () => {
    expect(() => emailSettings({ smtpUrl: 'mail.example:25' })).toThrow(
      /SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    )
    expect(() => emailSettings({ smtpUrl: 'not a url' })).toThrow(/SMTP_URL is not a URL/)
    expect(() => emailSettings({ smtpUrl: 'https://mail.example' })).toThrow(/not https:/)
    expect(() =>
      emailSettings({ smtpUrl: 'smtp://mail.example', emailFrom: 'Team <team@example.org>' }),
    ).toThrow(/EMAIL_FROM must be a plain address/)
  })
})

describe('SMTP refusals kept in the outbox', () => {
  it('should keep the reason and drop any address in it', () => {
    expect(withoutAddresses('550 5.1.1 <sam.real@example.org>: Recipient address rejected')).toBe(
      '550 5.1.1 <<address>>: Recipient address rejected',
    )
    expect(withoutAddresses('Mailbox a@b.c, d@e.f full')).toBe('Mailbox <address>, <address> full')
    expect(withoutAddresses('Connection refused')).toBe('Connection refused')
  })
})
