/** What the audit log records: one list, from which the type and the admin's options come. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'statusChange',
  'approval',
  'comment',
  'login',
  'loginFailed',
  'loginThrottled',
  'unlock',
  'erasure',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  statusChange: 'Status change',
  approval: 'Approval',
  comment: 'Comment',
  login: 'Sign-in',
  loginFailed: 'Failed sign-in',
  loginThrottled: 'Sign-in throttled',
  unlock: 'Unlock',
  erasure: 'Personal details erased',
}
