import type { Access, FieldAccess } from 'payload'

import { hasRole, staffUser } from './roles'

export const adminsOnly: Access = ({ req }) => hasRole(req, 'admin')

/** Designers (and admins) shape the content. */
export const contentEditors: Access = ({ req }) => hasRole(req, 'admin', 'designer')

/** Everyone signed in to the studio; never anonymous requests or delivery apps. */
export const anyStaff: Access = ({ req }) => staffUser(req) !== null

export const adminOrSelf: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin') return true
  return { id: { equals: user.id } }
}

export const adminsOnlyField: FieldAccess = ({ req }) => hasRole(req, 'admin')

export const contentEditorsField: FieldAccess = ({ req }) => hasRole(req, 'admin', 'designer')

/** Reference data (audiences, accents): every staff member reads it, designers maintain it. */
export const referenceDataAccess = {
  read: anyStaff,
  create: contentEditors,
  update: contentEditors,
  delete: contentEditors,
} satisfies Record<'read' | 'create' | 'update' | 'delete', Access>
