import type { PayloadRequest } from 'payload'

import { ROLES, type Role } from '../domain/vocabulary'

export { ROLE_LABELS, ROLES, type Role } from '../domain/vocabulary'

export interface StaffUser {
  id: number | string
  collection: 'users'
  role: Role
}

/** The signed-in person, or null for anonymous requests and machine clients (delivery apps). */
export function staffUser(req: Pick<PayloadRequest, 'user'>): StaffUser | null {
  const user = req.user as { collection?: string; role?: unknown; id?: number | string } | null
  if (!user || user.collection !== 'users' || user.id == null) return null
  if (!ROLES.includes(user.role as Role)) return null
  return { id: user.id, collection: 'users', role: user.role as Role }
}

export function hasRole(req: Pick<PayloadRequest, 'user'>, ...roles: Role[]): boolean {
  const user = staffUser(req)
  return user !== null && roles.includes(user.role)
}
