import type { CollectionConfig } from 'payload'

import { adminsOnly } from '../access/predicates'
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '../domain/vocabulary'

const nobody = () => false

/**
 * The outbox of the studio's emails: one row per notice per person, written with the change it
 * reports (in its transaction) and sent by the `sendNotifications` job, so an SMTP server that
 * is down delays emails instead of losing them or failing the review. Rows hold display names
 * only. It has no REST or GraphQL routes (src/collections/internal); admins read it in the admin
 * to see who was told what, and nobody edits it.
 */
export const Notifications: CollectionConfig<'notifications'> = {
  slug: 'notifications',
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'recipient', 'status', 'mode', 'createdAt'],
    group: 'Studio',
    description:
      'Emails the studio sends about reviews and releases. Written and sent by the studio.',
  },
  graphQL: false,
  access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    // Not required: deleting an account empties it (the row is then skipped), never blocks.
    { name: 'recipient', type: 'relationship', relationTo: 'users', index: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: NOTIFICATION_KINDS.map((value) => ({ value, label: value })),
    },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    {
      name: 'mode',
      type: 'select',
      required: true,
      options: [
        { value: 'immediate', label: 'At once' },
        { value: 'digest', label: 'In the daily digest' },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: NOTIFICATION_STATUSES.map((value) => ({ value, label: value })),
    },
    {
      name: 'dueAt',
      type: 'date',
      required: true,
      index: true,
      admin: { description: 'When it may go: at once, or when the digest it is part of is due.' },
    },
    { name: 'claimedAt', type: 'date', admin: { description: 'When a sender took it.' } },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'sentAt', type: 'date' },
    { name: 'lastError', type: 'text', admin: { description: 'Why the last try failed.' } },
  ],
}
