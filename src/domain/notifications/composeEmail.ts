import type { NotificationKind } from '../vocabulary'

/** What a notice reports, by names everyone may see: a co-producer only ever by pseudonym. */
export interface NoticeFacts {
  kind: NotificationKind
  /** Whose action it reports, by display name (a co-producer's is their pseudonym). */
  actorName: string | null
  scriptTitle?: string
  release?: { version: string; toolkitTitle: string }
  /** Where the recipient opens it in the studio. */
  link: string
}

export interface Notice {
  subject: string
  text: string
}

/** A whole email has the same two parts as one notice in it. */
export type Email = Notice

// Subjects are fixed phrases: a title may say what the toolkit is for, and a subject line is
// seen by anyone who glances at the recipient's inbox or phone.
const SUBJECTS: Record<NotificationKind, string> = {
  reviewRequested: 'A script is waiting for your review',
  changesRequested: 'Changes were asked for on a script you worked on',
  scriptApproved: 'A script you worked on is approved',
  scriptEditedAgain: 'A script you approved has changed',
  releasePublished: 'A toolkit with your work in it is out',
}

const PRODUCT = 'CDM Studio'

/** One notice, in short plain sentences: what happened, and where to look. */
export function composeNotice(facts: NoticeFacts): Notice {
  const who = facts.actorName?.trim() || 'Someone'
  const script = `the script "${facts.scriptTitle ?? 'untitled'}"`
  const lines: Record<NotificationKind, string> = {
    reviewRequested: `${who} asked you to review ${script}.\nOpen it here: ${facts.link}`,
    changesRequested: `${who} asked for changes to ${script}.\nOpen it to read their comments: ${facts.link}`,
    scriptApproved: `${who} approved ${script}. It is ready to use.\nOpen it here: ${facts.link}`,
    scriptEditedAgain: `${who} changed ${script} after it was approved, so it needs approving again.\nOpen it here: ${facts.link}`,
    releasePublished: facts.release
      ? `Version ${facts.release.version} of "${facts.release.toolkitTitle}" is out, with your work in it. Thank you.\nOpen the studio: ${facts.link}`
      : `A toolkit with your work in it is out. Thank you.\nOpen the studio: ${facts.link}`,
  }
  return { subject: SUBJECTS[facts.kind], text: lines[facts.kind] }
}

function footer(accountLink: string): string {
  return `You get these emails because you have a ${PRODUCT} account. To get one email a day, or none, change "Emails from the studio" in your account: ${accountLink}`
}

/** The email for one notice sent at once. */
export function composeSingleEmail(input: {
  recipientName: string
  notice: Notice
  accountLink: string
}): Email {
  return {
    subject: `${PRODUCT}: ${input.notice.subject}`,
    text: `Hello ${input.recipientName},\n\n${input.notice.text}\n\n${footer(input.accountLink)}\n`,
  }
}

/** The daily email: every notice waiting, oldest first, each under its own heading. */
export function composeDigestEmail(input: {
  recipientName: string
  notices: Notice[]
  accountLink: string
}): Email {
  const count = input.notices.length
  const items = input.notices.map((n, i) => `${i + 1}. ${n.subject}\n${n.text}`).join('\n\n')
  return {
    subject: `${PRODUCT}: your daily update (${count} ${count === 1 ? 'thing' : 'things'})`,
    text: `Hello ${input.recipientName},\n\nHere is what happened in the studio since your last update.\n\n${items}\n\n${footer(input.accountLink)}\n`,
  }
}
