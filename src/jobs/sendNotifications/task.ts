import type { TaskConfig, TaskHandler } from 'payload'

import { supervisedTask } from '../../lib/jobs/supervisedTask'
import { queueSending } from '../../services/notifications/recordNotices'
import { sendDueNotifications } from '../../services/notifications/sendDueNotifications'

const sendNotifications: TaskHandler<'sendNotifications'> = async ({ req }) => {
  const report = await sendDueNotifications(req.payload)
  // A notice that failed for now is tried again by a run of its own, backing off.
  if (report.retryAt) await queueSending(req, report.retryAt)
  return { output: { sent: report.sent, failed: report.failed, skipped: report.skipped } }
}

/**
 * Sends the studio's due emails (src/services/notifications). Each run sends whatever is due,
 * so runs queued close together cost little; failures are retried by the rows' own backoff.
 */
export const SendNotificationsTask: TaskConfig<'sendNotifications'> = {
  slug: 'sendNotifications',
  label: 'Send notifications',
  inputSchema: [],
  outputSchema: [
    { name: 'sent', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
    { name: 'skipped', type: 'number', required: true },
  ],
  retries: 0,
  handler: supervisedTask(sendNotifications, {}),
}
