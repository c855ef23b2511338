import type { PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'

const adminsOnly = ({ req }: { req: PayloadRequest }): boolean => hasRole(req, 'admin')

/**
 * Who may run, queue or cancel jobs through Payload's APIs when access is checked. Payload's
 * default lets anyone signed in (delivery apps included) do all three. The studio's own code
 * queues and runs jobs past access rules; nobody else may, and the REST route that ran jobs in
 * the web server is gone (src/collections/internal/unusedRoutes.ts).
 */
export const jobsAccess = { run: adminsOnly, queue: adminsOnly, cancel: adminsOnly }
