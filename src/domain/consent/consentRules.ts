import type { IdText } from '../refs'
import { CONSENT_PARTS, type ConsentPart } from '../vocabulary'

export type ConsentChoices = Record<ConsentPart, boolean>

export interface Withdrawal {
  part: ConsentPart
  /** ISO 8601. */
  at: string
}

/** A co-producer's consent as release checks read it, named by pseudonym only. */
export interface PersonConsent {
  pseudonym: string
  choices: ConsentChoices
  /** Each part withdrawn and not agreed again since: when it was withdrawn. */
  withdrawn: Partial<Record<ConsentPart, string>>
}

/** A record's choices as stored: a part never set is not agreed. */
type Choices = Partial<Record<ConsentPart, boolean | null>>

/** The parts that go from agreed to not agreed in a change: each is a withdrawal. */
export function withdrawalsIn(before: Choices | null, after: Choices, at: string): Withdrawal[] {
  if (!before) return []
  return CONSENT_PARTS.filter((part) => before[part] === true && after[part] !== true).map(
    (part) => ({ part, at }),
  )
}

/**
 * The withdrawals still in force: a part not agreed now, with its latest withdrawal. A part
 * never agreed to is not "withdrawn": nothing of it was ever given, so nothing released holds it.
 */
export function withdrawnParts(
  choices: Choices,
  withdrawals: readonly Withdrawal[],
): Partial<Record<ConsentPart, string>> {
  const withdrawn: Partial<Record<ConsentPart, string>> = {}
  for (const { part, at } of withdrawals) {
    if (choices[part] === true) continue
    const previous = withdrawn[part]
    if (!previous || Date.parse(at) > Date.parse(previous)) withdrawn[part] = at
  }
  return withdrawn
}

/** "2 December 2026": how a withdrawal is dated in every message. */
export function consentDate(at: string): string {
  return new Date(at).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** Whose work a release uses: the approvers of its scripts and the recorders of its voices. */
export interface ContributionSources {
  /** Script id → the users whose approval its released version carries. */
  approvers: Record<IdText, IdText[]>
  /** Clip id → accent id → the co-producer who recorded that voice track, where one did. */
  recorders: Record<IdText, Record<IdText, IdText>>
}

export interface Contribution {
  userId: IdText
  /** Scripts whose released words they approved. */
  scripts: IdText[]
  /** Clips whose released voice they recorded. */
  clips: IdText[]
}

/**
 * Each person's contributions to the clips a release uses, in the chosen accents: one entry per
 * person, ids sorted so the record is the same for the same release.
 */
export function contributionsTo(
  sources: ContributionSources,
  used: { clipIds: IdText[]; scripts: { id: IdText; clipId: IdText }[]; accentIds: IdText[] },
): Contribution[] {
  const byUser = new Map<IdText, { scripts: Set<IdText>; clips: Set<IdText> }>()
  const entry = (userId: IdText) => {
    let found = byUser.get(userId)
    if (!found) byUser.set(userId, (found = { scripts: new Set(), clips: new Set() }))
    return found
  }
  const clipIds = new Set(used.clipIds)
  for (const script of used.scripts) {
    if (!clipIds.has(script.clipId)) continue
    for (const userId of sources.approvers[script.id] ?? []) entry(userId).scripts.add(script.id)
  }
  for (const clipId of clipIds) {
    for (const accentId of used.accentIds) {
      const userId = sources.recorders[clipId]?.[accentId]
      if (userId) entry(userId).clips.add(clipId)
    }
  }
  return [...byUser.entries()]
    .map(([userId, { scripts, clips }]) => ({
      userId,
      scripts: [...scripts].sort(),
      clips: [...clips].sort(),
    }))
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
}

/**
 * The pseudonyms a release credits: co-producers whose work it holds and who agreed to be
 * credited (and have not withdrawn it), sorted for a stable manifest. People without a consent
 * record are not credited: being named needs a yes.
 */
export function creditsFor(
  contributions: readonly Contribution[],
  consents: Readonly<Record<IdText, PersonConsent>>,
): string[] {
  const names = contributions.flatMap(({ userId }) => {
    const consent = consents[userId]
    return consent?.choices.credit ? [consent.pseudonym] : []
  })
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en-GB'))
}

/** A release's contributions that belong to someone who has since withdrawn that part. */
export interface WithdrawnHolding {
  userId: IdText
  pseudonym: string
  words: { scripts: IdText[]; at: string } | null
  voice: { clips: IdText[]; at: string } | null
}

export function withdrawnHoldings(
  contributions: readonly Contribution[],
  consents: Readonly<Record<IdText, PersonConsent>>,
): WithdrawnHolding[] {
  return contributions.flatMap(({ userId, scripts, clips }) => {
    const consent = consents[userId]
    if (!consent) return []
    const wordsAt = scripts.length ? consent.withdrawn.words : undefined
    const voiceAt = clips.length ? consent.withdrawn.voice : undefined
    if (!wordsAt && !voiceAt) return []
    return [
      {
        userId,
        pseudonym: consent.pseudonym,
        words: wordsAt ? { scripts, at: wordsAt } : null,
        voice: voiceAt ? { clips, at: voiceAt } : null,
      },
    ]
  })
}
