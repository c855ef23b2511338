import type { AuditAction } from './auditActions'

const MAX_FIELDS_IN_SUMMARY = 6

/** The sentence an entry gets when its writer gives none ("changed title in Script 4"). */
export function defaultSummary(
  entry: { action: AuditAction; changedFields?: string[] },
  entity: string,
): string {
  const fields = entry.changedFields ?? []
  switch (entry.action) {
    case 'create':
      return `created ${entity}`
    case 'update':
      return fields.length
        ? `changed ${listFields(fields)} in ${entity}`
        : `saved ${entity} without changes`
    case 'delete':
      return `deleted ${entity}`
    case 'statusChange':
      return `changed the status of ${entity}`
    case 'approval':
      return `approved ${entity}`
    case 'comment':
      return `commented (${entity})`
    case 'login':
      return 'signed in'
    case 'loginFailed':
      return `failed to sign in to ${entity}`
    case 'loginThrottled':
      return `was throttled signing in to ${entity}`
    case 'unlock':
      return `unlocked ${entity}`
    case 'erasure':
      return `erased the personal details of ${entity}`
  }
}

function listFields(fields: string[]): string {
  const shown = fields.slice(0, MAX_FIELDS_IN_SUMMARY).join(', ')
  const more = fields.length - MAX_FIELDS_IN_SUMMARY
  return more > 0 ? `${shown} and ${more} more` : shown
}

/** A new document lists the fields it was given, not every row and line inside them. */
export function topLevel(paths: string[]): string[] {
  return [...new Set(paths.map((path) => path.split('.')[0]))]
}
