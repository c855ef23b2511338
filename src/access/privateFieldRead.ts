import type { FieldAccess } from 'payload'

import { staffUser } from './roles'

/**
 * Read rules for private fields (see src/fields/privateField.ts). They decide from who is asking
 * and, at most, the document's id: never from its other columns, which `select`, `populate` and
 * GraphQL selections leave out of the fetched row (a rule that trusted `doc.role` opened up
 * whenever the role was not selected). When in doubt they hide: no document means a `where` or
 * `sort` is being checked, and filtering or ordering by a private value would reveal it.
 */
export const adminsOnlyRead: FieldAccess = ({ req }) => staffUser(req)?.role === 'admin'

/** Admins, and the person the document is (a user reading their own account). */
export const adminsOrSubjectRead: FieldAccess = ({ req, doc }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin') return true
  const subjectId = (doc as { id?: unknown } | undefined)?.id
  if (subjectId === undefined || subjectId === null) return false
  return String(subjectId) === String(user.id)
}
