import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startSmtpServer, type ReceivedMail } from './helpers/smtpServer'
import type { Notification, User } from '../../src/payload-types'

/**
 * The studio's emails through a real SMTP server started here: who hears about which review
 * moment and release, digests, preferences, a refusing server, and that no email ever names a
 * co-producer but by pseudonym. The server must be listening before the Payload config is loaded
 * (SMTP_URL is read there), so the studio's modules are imported after it starts.
 */
const smtp = await startSmtpServer()
process.env.SMTP_URL = smtp.url
process.env.EMAIL_FROM = 'studio@cdm.test'
const { setUpStudio } = await import('./helpers/studio')
const { ReviewFixture, lineIdsOf } = await import('./helpers/review')
const { NOTIFICATION_QUEUE } = await import('../../src/jobs/queues')
const { sendDueNotifications, claimNotification, MAX_SEND_ATTEMPTS, CLAIM_STALE_MS } =
  await import('../../src/services/notifications/sendDueNotifications')
const { DIGEST_INTERVAL_MS } = await import('../../src/domain/notifications/emailPreference')
const { resumeStalledNotifications } =
  await import('../../src/services/notifications/resumeStalledNotifications')
const { makeReleasableToolkit } = await import('./helpers/releasableToolkit')
const { publishRelease } = await import('./helpers/publishRelease')
const { MediaFixtures } = await import('./media/helpers/fixtures')
const { PASSWORD_RESETS_PER_ACCOUNT } = await import('../../src/services/auth/passwordResets')

const studio = setUpStudio()
const f = new ReviewFixture(studio)

beforeAll(async () => {
  await f.setUp()
  await studio.payload.delete({ collection: 'notifications', where: { id: { exists: true } } })
})

afterAll(async () => {
  await f.cleanup()
  await smtp.close()
})

/** Runs the sender as a worker would, and returns the mails that arrived meanwhile. */
async function deliverQueued(): Promise<ReceivedMail[]> {
  const before = smtp.mails.length
  await studio.payload.jobs.run({ queue: NOTIFICATION_QUEUE, limit: 50 })
  return smtp.mails.slice(before)
}

/**
 * The mails that arrived since `before`, once there are `count` of them: Payload sends its own
 * emails (password resets) without waiting for them, after answering.
 */
async function mailsSince(before: number, count: number): Promise<ReceivedMail[]> {
  const deadline = Date.now() + 10_000
  while (smtp.mails.length - before < count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50))
  // A little longer, so that one mail too many would be seen.
  await new Promise((resolve) => setTimeout(resolve, 200))
  return smtp.mails.slice(before)
}

const mailsTo = (mails: ReceivedMail[], person: User) =>
  mails.filter((mail) => mail.to.includes(person.email))

async function setPreference(person: User, emailPreference: 'every' | 'digest' | 'none') {
  await studio.payload.update({
    collection: 'users',
    id: person.id,
    data: { emailPreference },
    overrideAccess: true,
  })
}

/**
 * Submits a fresh script to the co-producer (with a designer, whom a review needs, who wants no
 * emails) and runs `test` with the co-producer's notice waiting in the outbox.
 */
async function withCoProducersNotice(test: (row: Notification) => Promise<void>) {
  const { coProducer, secondDesigner } = f.people
  await setPreference(secondDesigner, 'none')
  try {
    const script = await f.createScript()
    await f.submit(script.id, [coProducer.id, secondDesigner.id])
    const [row] = (await outboxOf(coProducer)).filter((n) => n.status === 'pending')
    await test(row)
  } finally {
    await setPreference(secondDesigner, 'every')
  }
}

async function outboxOf(person: User): Promise<Notification[]> {
  const { docs } = await studio.payload.find({
    collection: 'notifications',
    where: { recipient: { equals: person.id } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
  })
  return docs
}

describe('emails about a script’s review', () => {
  it('should email the chosen reviewers when a script is submitted, naming the sender as everyone sees them', async () => {
    const { coProducer, thirdCoProducer, designer, secondDesigner } = f.people
    const script = await f.createScript({
      assignedCoProducers: [coProducer.id, thirdCoProducer.id],
    })
    await deliverQueued()
    await f.submit(script.id, [coProducer.id, thirdCoProducer.id, secondDesigner.id])
    const mails = await deliverQueued()
    // Everyone chosen but the designer who submitted it.
    const addressed = mails.flatMap((m) => m.to).sort()
    expect(addressed).toEqual(
      [coProducer.email, thirdCoProducer.email, secondDesigner.email].sort(),
    )
    for (const mail of mails) {
      expect(mail.from).toBe('studio@cdm.test')
      expect(mail.subject).toBe('CDM Studio: A script is waiting for your review')
      expect(mail.text).toContain(
        `${designer.displayName} asked you to review the script "${script.title}".`,
      )
      expect(mail.text).toContain(`/admin/collections/scripts/${script.id}/review`)
    }
    expect(mailsTo(mails, coProducer)[0].text).toMatch(
      new RegExp(`^Hello ${coProducer.displayName},`),
    )
    // Sent rows stay in the outbox, marked sent; running the sender again sends nothing twice.
    const [row] = await outboxOf(coProducer)
    expect(row).toMatchObject({ status: 'sent', mode: 'immediate', kind: 'reviewRequested' })
    expect(await deliverQueued()).toEqual([])
  })

  it('should tell the script’s writers when changes are asked for, and not the one asking', async () => {
    const { coProducer, designer, secondDesigner } = f.people
    const script = await f.createScript()
    const edited = await f.editLine(
      'designer',
      script.id,
      lineIdsOf(script)[0],
      'Come in, sit down.',
    )
    expect(edited.status).toBe(200)
    await f.submit(script.id, [coProducer.id, secondDesigner.id])
    await deliverQueued()
    await f.reviewOk('coProducer', script.id, 'requestChanges', 'changesRequested')
    const mails = await deliverQueued()
    expect(mails.map((m) => m.to)).toEqual([[designer.email]])
    expect(mails[0].subject).toBe('CDM Studio: Changes were asked for on a script you worked on')
    expect(mails[0].text).toContain(
      `${coProducer.displayName} asked for changes to the script "${script.title}".`,
    )
  })

  it('should tell reviewers and writers when a script is approved, and its approvers when its text changes again', async () => {
    const { coProducer, designer } = f.people
    const script = await f.createScript()
    await f.editLine('designer', script.id, lineIdsOf(script)[1], 'Let us look at the week.')
    await f.approve(script.id)
    const approvedMails = (await deliverQueued()).filter((m) => m.subject.includes('is approved'))
    // The designer gave the last approval: only the co-producer hears.
    expect(approvedMails.map((m) => m.to)).toEqual([[coProducer.email]])
    expect(approvedMails[0].text).toContain(`${designer.displayName} approved the script`)

    const edited = await f.editLine(
      'designer',
      script.id,
      lineIdsOf(script)[1],
      'Let us look at your week.',
    )
    expect(edited.status).toBe(200)
    const changedMails = await deliverQueued()
    expect(changedMails.map((m) => m.to)).toEqual([[coProducer.email]])
    expect(changedMails[0].subject).toBe('CDM Studio: A script you approved has changed')
    expect(changedMails[0].text).toContain('so it needs approving again')
  })
})

describe('how often people hear', () => {
  it('should hold a digest reader’s notices for a day and then send them in one email', async () => {
    const { coProducer, thirdCoProducer, secondDesigner } = f.people
    await setPreference(thirdCoProducer, 'digest')
    try {
      const first = await f.createScript({
        assignedCoProducers: [coProducer.id, thirdCoProducer.id],
      })
      const second = await f.createScript({ assignedCoProducers: [thirdCoProducer.id] })
      await f.submit(first.id, [coProducer.id, thirdCoProducer.id, secondDesigner.id])
      await f.submit(second.id, [thirdCoProducer.id, secondDesigner.id])
      const now = await deliverQueued()
      expect(mailsTo(now, coProducer)).toHaveLength(1)
      expect(mailsTo(now, thirdCoProducer)).toEqual([])
      const waiting = (await outboxOf(thirdCoProducer)).filter((n) => n.status === 'pending')
      expect(waiting.map((n) => n.mode)).toEqual(['digest', 'digest'])

      const before = smtp.mails.length
      const aDayLater = new Date(Date.now() + DIGEST_INTERVAL_MS + 60_000)
      const report = await sendDueNotifications(studio.payload, aDayLater)
      const digest = smtp.mails.slice(before)
      expect(report).toMatchObject({ sent: 2, failed: 0 })
      expect(digest.map((m) => m.to)).toEqual([[thirdCoProducer.email]])
      expect(digest[0].subject).toBe('CDM Studio: your daily update (2 things)')
      expect(digest[0].text).toContain(`"${first.title}"`)
      expect(digest[0].text).toContain(`"${second.title}"`)
      const again = await sendDueNotifications(studio.payload, aDayLater)
      expect(again.sent).toBe(0)
    } finally {
      await setPreference(thirdCoProducer, 'every')
    }
  })

  it('should send nothing, and keep nothing, for someone who wants no emails', async () => {
    const { coProducer, secondDesigner } = f.people
    await setPreference(coProducer, 'none')
    try {
      const rowsBefore = (await outboxOf(coProducer)).length
      const script = await f.createScript()
      await f.submit(script.id, [coProducer.id, secondDesigner.id])
      expect(mailsTo(await deliverQueued(), coProducer)).toEqual([])
      expect(await outboxOf(coProducer)).toHaveLength(rowsBefore)
    } finally {
      await setPreference(coProducer, 'every')
    }
  })

  it('should let each person choose for themselves only, and refuse a choice that is not offered', async () => {
    const { coProducer, otherCoProducer } = f.people
    const own = await f.request('coProducer', 'PATCH', `/api/users/${coProducer.id}`, {
      emailPreference: 'digest',
    })
    expect(own.status).toBe(200)
    const other = await f.request('coProducer', 'PATCH', `/api/users/${otherCoProducer.id}`, {
      emailPreference: 'none',
    })
    expect([403, 404]).toContain(other.status)
    const wrong = await f.request('coProducer', 'PATCH', `/api/users/${coProducer.id}`, {
      emailPreference: 'hourly',
    })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.json)).toContain('emailPreference')
    const stored = await studio.payload.findByID({ collection: 'users', id: coProducer.id })
    expect(stored.emailPreference).toBe('digest')
    const untouched = await studio.payload.findByID({ collection: 'users', id: otherCoProducer.id })
    expect(untouched.emailPreference ?? 'every').toBe('every')
    await setPreference(coProducer, 'every')
  })
})

describe('two senders at once', () => {
  it('should send each notice once when several sender runs overlap', async () => {
    const { coProducer, thirdCoProducer, secondDesigner } = f.people
    const scripts = await Promise.all(
      [1, 2, 3].map(() =>
        f.createScript({ assignedCoProducers: [coProducer.id, thirdCoProducer.id] }),
      ),
    )
    await deliverQueued()
    for (const script of scripts)
      await f.submit(script.id, [coProducer.id, thirdCoProducer.id, secondDesigner.id])
    const before = smtp.mails.length
    const reports = await Promise.all([1, 2, 3, 4].map(() => sendDueNotifications(studio.payload)))
    const mails = smtp.mails.slice(before)
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(9)
    expect(mails).toHaveLength(9)
    const perPerson = (person: User) => mailsTo(mails, person).length
    expect([perPerson(coProducer), perPerson(thirdCoProducer), perPerson(secondDesigner)]).toEqual([
      3, 3, 3,
    ])
  })
})

describe('the claim on a notice', () => {
  // FerretDB 1.24's findAndModify is not atomic: there, two processes sending at the same moment
  // may both send a notice (README, "MongoDB and FerretDB"). Senders in one process take turns.
  it.skipIf(process.env.DATABASE_COMPAT === 'ferretdb')(
    'should give a notice to one of several senders claiming it at the same moment',
    async () => {
      const { coProducer } = f.people
      await withCoProducersNotice(async (row) => {
        const now = new Date()
        const claims = await Promise.all(
          Array.from({ length: 8 }, () => claimNotification(studio.payload, row, now)),
        )
        expect(claims.filter(Boolean)).toHaveLength(1)
        await studio.payload.update({
          collection: 'notifications',
          id: row.id,
          data: { status: 'pending', claimedAt: null },
        })
        expect(mailsTo(await deliverQueued(), coProducer)).toHaveLength(1)
      })
    },
  )
})

describe('a sender that dies mid-send', () => {
  it('should leave a freshly claimed notice alone, and send one whose sender went quiet', async () => {
    const { coProducer } = f.people
    await withCoProducersNotice(async (row) => {
      // What a worker killed between claiming the row and recording the send leaves behind.
      const killedAt = new Date()
      await studio.payload.update({
        collection: 'notifications',
        id: row.id,
        data: { status: 'sending', claimedAt: killedAt.toISOString() },
      })
      const soon = await sendDueNotifications(studio.payload, new Date(killedAt.getTime() + 60_000))
      expect(soon.sent).toBe(0)
      const before = smtp.mails.length
      const later = new Date(killedAt.getTime() + CLAIM_STALE_MS + 1_000)
      expect((await sendDueNotifications(studio.payload, later)).sent).toBe(1)
      expect(mailsTo(smtp.mails.slice(before), coProducer)).toHaveLength(1)
      const sent = await studio.payload.findByID({ collection: 'notifications', id: row.id })
      expect(sent.status).toBe('sent')
    })
  })
})

describe('notices nothing would send', () => {
  it('should queue one sender run for a notice whose sender was killed and never came back', async () => {
    const { coProducer } = f.people
    await withCoProducersNotice(async (row) => {
      // The sender was SIGKILLed after claiming the row, and no other run is queued.
      await studio.payload.delete({
        collection: 'payload-jobs',
        where: { queue: { equals: NOTIFICATION_QUEUE } },
      })
      // Only a digest's run for tomorrow is queued: it does not send what is due now.
      await studio.payload.jobs.queue({
        task: 'sendNotifications',
        queue: NOTIFICATION_QUEUE,
        input: {},
        waitUntil: new Date(Date.now() + DIGEST_INTERVAL_MS),
      })
      await studio.payload.update({
        collection: 'notifications',
        id: row.id,
        data: {
          status: 'sending',
          claimedAt: new Date(Date.now() - CLAIM_STALE_MS - 1_000).toISOString(),
        },
      })
      expect(await resumeStalledNotifications(studio.payload)).toBe(true)
      expect(await resumeStalledNotifications(studio.payload)).toBe(false)
      expect(mailsTo(await deliverQueued(), coProducer)).toHaveLength(1)
      expect(await resumeStalledNotifications(studio.payload)).toBe(false)
    })
  })
})

describe('a mail server that refuses', () => {
  it('should keep the notice, back off, say why without the address, and send it later', async () => {
    const { coProducer, secondDesigner } = f.people
    const script = await f.createScript()
    smtp.refuse(coProducer.email, 1)
    await f.submit(script.id, [coProducer.id, secondDesigner.id])
    expect(mailsTo(await deliverQueued(), coProducer)).toEqual([])
    const [row] = (await outboxOf(coProducer)).filter((n) => n.status === 'pending')
    expect(row.attempts).toBe(1)
    expect(row.lastError).toMatch(/Recipient address rejected/)
    expect(row.lastError).not.toContain(coProducer.email)
    expect(new Date(row.dueAt).getTime()).toBeGreaterThan(Date.now())
    // The retry was queued for when the row is due again.
    const retry = await studio.payload.find({
      collection: 'payload-jobs',
      where: {
        and: [{ queue: { equals: NOTIFICATION_QUEUE } }, { completedAt: { equals: null } }],
      },
      depth: 0,
    })
    expect(retry.docs.some((job) => job.waitUntil && new Date(job.waitUntil) > new Date())).toBe(
      true,
    )

    const before = smtp.mails.length
    const report = await sendDueNotifications(studio.payload, new Date(Date.now() + 60 * 60_000))
    expect(report.sent).toBe(1)
    expect(mailsTo(smtp.mails.slice(before), coProducer)).toHaveLength(1)
  })

  it(`should give a notice up after ${MAX_SEND_ATTEMPTS} refusals, and say so in the outbox`, async () => {
    const { coProducer, secondDesigner } = f.people
    const script = await f.createScript()
    smtp.refuse(coProducer.email, MAX_SEND_ATTEMPTS)
    await f.submit(script.id, [coProducer.id, secondDesigner.id])
    let at = Date.now()
    for (let i = 0; i < MAX_SEND_ATTEMPTS; i++) {
      at += 3 * 60 * 60_000
      await sendDueNotifications(studio.payload, new Date(at))
    }
    const [row] = (await outboxOf(coProducer)).filter((n) => n.kind === 'reviewRequested').slice(-1)
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS })
    expect(row.lastError).toMatch(/Recipient address rejected/)
  })
})

describe('emails about a release', () => {
  it('should tell the people whose scripts a published release holds, and not the publisher', async () => {
    const { coProducer } = f.people
    const fixtures = new MediaFixtures()
    const made = await makeReleasableToolkit(studio.payload, studio.world, fixtures)
    try {
      const { docs: scripts } = await studio.payload.find({
        collection: 'scripts',
        where: { clip: { in: made.clips.map((clip) => clip.id) } },
        depth: 0,
      })
      await studio.payload.update({
        collection: 'scripts',
        id: scripts[0].id,
        data: { assignedCoProducers: [coProducer.id] },
        overrideAccess: true,
      })
      await deliverQueued()
      await publishRelease(studio, f.token('publisher')!, made, '1.0.0')
      const mails = await deliverQueued()
      expect(mails.map((m) => m.to)).toEqual([[coProducer.email]])
      const toolkit = await studio.payload.findByID({ collection: 'toolkits', id: made.toolkit.id })
      expect(mails[0].subject).toBe('CDM Studio: A toolkit with your work in it is out')
      expect(mails[0].text).toContain(
        `Version 1.0.0 of "${toolkit.title}" is out, with your work in it.`,
      )
    } finally {
      await made.remove()
      fixtures.remove()
    }
  })
})

describe('password resets once the studio can send email', () => {
  it('should email a reset link to the account, and answer an unknown address the same way', async () => {
    const { otherCoProducer } = f.people
    const ask = (email: string) =>
      fetch(`${studio.server.url}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      })
    const before = smtp.mails.length
    const known = await ask(otherCoProducer.email)
    const unknown = await ask(`nobody-${Date.now()}@cdm.test`)
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(200)
    expect(await unknown.json()).toEqual(await known.json())
    const mails = await mailsSince(before, 1)
    expect(mails.map((m) => m.to)).toEqual([[otherCoProducer.email]])
    expect(mails[0].raw).toMatch(/\/admin\/reset\/[0-9a-f]{20,}/)
  })

  it('should send one account only a few reset emails an hour, whoever asks, then answer 429', async () => {
    const { coProducer } = f.people
    const ask = (email: string, forwardedFor: string) =>
      fetch(`${studio.server.url}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ email }),
      })
    const before = smtp.mails.length
    const statuses: number[] = []
    for (let i = 0; i < PASSWORD_RESETS_PER_ACCOUNT + 2; i++)
      statuses.push((await ask(coProducer.email, `203.0.113.${i + 1}`)).status)
    expect(statuses).toEqual([...Array(PASSWORD_RESETS_PER_ACCOUNT).fill(200), 429, 429])
    const refused = await ask(coProducer.email, '198.51.100.1')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60)
    expect(JSON.stringify(await refused.json())).toContain('Too many password reset requests')
    // Payload itself sends one account a reset email at most every 15 s, answering alike.
    expect(mailsTo(await mailsSince(before, 1), coProducer)).toHaveLength(1)
  })
})

describe('emails and co-producers’ identities', () => {
  it('should never carry a co-producer’s real name, nor another person’s email, in any email sent', async () => {
    expect(smtp.mails.length).toBeGreaterThan(5)
    const coProducers = Object.values(f.people).filter((p) => p.role === 'coProducer')
    const everyone = await studio.payload.find({
      collection: 'users',
      where: { id: { in: coProducers.map((p) => p.id) } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      showHiddenFields: true,
    })
    for (const mail of smtp.mails) {
      for (const person of everyone.docs) {
        if (person.realName)
          expect(mail.raw, `${mail.subject} to ${mail.to}`).not.toContain(person.realName)
        if (!mail.to.includes(person.email)) expect(mail.raw).not.toContain(person.email)
      }
      expect(mail.subject).not.toMatch(/probation/i)
    }
  })
})
