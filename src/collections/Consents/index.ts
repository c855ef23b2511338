import type { Access, CollectionConfig } from 'payload'

import { consentEndpoints } from './endpoints'
import { keepConsentHistory } from './hooks/keepConsentHistory'
import { adminsOnly } from '../../access/predicates'
import { staffUser } from '../../access/roles'
import { CONSENT_PART_LABELS, CONSENT_PARTS } from '../../domain/vocabulary'
import { coProducerField } from '../../fields/coProducer'

const systemOnly = { create: () => false, update: () => false }

/** Admins read every record; a co-producer reads their own; nobody else reads any. */
const adminOrSubject: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role === 'admin') return true
  if (user.role === 'coProducer') return { coProducer: { equals: user.id } }
  return false
}

/**
 * What each co-producer agreed to, when, and under which version of the consent text; and every
 * withdrawal since. An admin records it; the co-producer reads their own and can withdraw any
 * part (POST /api/consents/:id/withdraw). Release preflight reads it to block words and voices
 * whose consent was withdrawn, and to credit by pseudonym only those who said yes.
 */
export const Consents: CollectionConfig<'consents'> = {
  slug: 'consents',
  labels: { singular: 'Consent record', plural: 'Consent records' },
  admin: {
    group: 'Co-production',
    useAsTitle: 'consentTextVersion',
    defaultColumns: ['coProducer', 'consentTextVersion', 'agreedAt', ...CONSENT_PARTS],
    description:
      'What each co-producer agreed to. Withdrawing a part blocks the next release that still uses it.',
    hidden: ({ user }) => !['admin', 'coProducer'].includes(String(user?.role)),
  },
  disableDuplicate: true,
  access: {
    read: adminOrSubject,
    create: adminsOnly,
    update: adminsOnly,
    // The history of consent is a record to keep; a mistaken record is corrected, not deleted.
    delete: () => false,
  },
  hooks: {
    beforeChange: [keepConsentHistory],
  },
  endpoints: consentEndpoints,
  fields: [
    coProducerField({
      name: 'coProducer',
      label: 'Co-producer',
      required: true,
      unique: true,
      index: true,
      access: { update: () => false },
      admin: { description: 'Shown by pseudonym. One record per co-producer.' },
    }),
    {
      name: 'consentTextVersion',
      label: 'Version of the consent text',
      type: 'text',
      required: true,
      admin: { description: 'The version they read and agreed to, e.g. "2026-11 v2".' },
    },
    {
      name: 'agreedAt',
      label: 'Agreed on',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayOnly' } },
    },
    ...CONSENT_PARTS.map((part) => ({
      name: part,
      label: CONSENT_PART_LABELS[part],
      type: 'checkbox' as const,
      defaultValue: false,
    })),
    {
      name: 'withdrawals',
      type: 'array',
      access: systemOnly,
      admin: {
        readOnly: true,
        description: 'Each part withdrawn, and when. Recorded by the studio.',
      },
      fields: [
        {
          name: 'part',
          type: 'select',
          required: true,
          options: CONSENT_PARTS.map((value) => ({ value, label: CONSENT_PART_LABELS[value] })),
        },
        { name: 'at', type: 'date', required: true },
      ],
    },
    {
      name: 'recordedBy',
      type: 'relationship',
      relationTo: 'users',
      access: systemOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
