/**
 * The studio's fixed lists, each kept once: the types, the admin's select options and the rules
 * all derive from these arrays.
 */

export const ROLES = ['admin', 'designer', 'coProducer', 'publisher'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  designer: 'Content designer',
  coProducer: 'Co-producer',
  publisher: 'Publisher',
}

/** Where a clip's or a media file's processing stands. */
export const PROCESSING_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number]

/** A script's review state (src/domain/scripts/reviewWorkflow.ts moves it on). */
export const SCRIPT_STATUSES = ['draft', 'inReview', 'changesRequested', 'approved'] as const
export type ScriptStatus = (typeof SCRIPT_STATUSES)[number]

export const SCRIPT_STATUS_LABELS: Record<ScriptStatus, string> = {
  draft: 'Draft',
  inReview: 'In review',
  changesRequested: 'Changes requested',
  approved: 'Approved',
}

export const RELEASE_STATUSES = ['draft', 'building', 'published', 'failed', 'withdrawn'] as const
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number]

/** Every status past draft: the release has claimed its version, failed builds included. */
export const VERSION_CLAIMING_STATUSES = RELEASE_STATUSES.filter(
  (status) => status !== 'draft',
) as Exclude<ReleaseStatus, 'draft'>[]

/**
 * The content locales, default first. The Payload config's localization is built from this list;
 * code that runs with a Payload instance reads the locales from its config. `label` is the
 * language's own name, as players show it; `adminLabel` adds the English name for staff.
 */
export const LOCALES = [
  { code: 'en-GB', label: 'English (UK)', adminLabel: 'English (UK)' },
  { code: 'cy', label: 'Cymraeg', adminLabel: 'Cymraeg (Welsh)' },
] as const
export type Locale = (typeof LOCALES)[number]['code']
export const DEFAULT_LOCALE: Locale = LOCALES[0].code
export const LOCALE_CODES: readonly Locale[] = LOCALES.map((locale) => locale.code)

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value)

export const localeLabel = (code: string): string =>
  LOCALES.find((locale) => locale.code === code)?.label ?? code

/** What a notification is about: the four review moments and a published release. */
export const NOTIFICATION_KINDS = [
  'reviewRequested',
  'changesRequested',
  'scriptApproved',
  'scriptEditedAgain',
  'releasePublished',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** Where an email in the outbox stands (src/services/notifications/sendDueNotifications.ts). */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const

/** How often a person wants the studio's emails: set in their account. */
export const EMAIL_PREFERENCES = ['every', 'digest', 'none'] as const
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number]

export const EMAIL_PREFERENCE_LABELS: Record<EmailPreference, string> = {
  every: 'An email each time',
  digest: 'One email a day, with everything in it',
  none: 'No emails',
}

/** What a co-producer can agree to, each withdrawn on its own (src/domain/consent). */
export const CONSENT_PARTS = ['credit', 'words', 'voice'] as const
export type ConsentPart = (typeof CONSENT_PARTS)[number]

export const CONSENT_PART_LABELS: Record<ConsentPart, string> = {
  credit: 'Be credited by my pseudonym',
  words: 'My words can be used in clips',
  voice: 'My recorded voice can be used',
}
