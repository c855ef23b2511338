import type { GroupField } from 'payload'

import { PROCESSING_STATUSES } from '../domain/vocabulary'

const nobody = () => false

/**
 * Written only by media jobs (with overrideAccess); shown read-only in the admin. `details`
 * holds what the job measured and produced: probe data, derived files, sync and caption checks.
 */
export function processingField(
  options: {
    listCell?: boolean
    /** A named definition of the generated types (payload.config.ts) that `details` holds. */
    detailsType?: string
  } = {},
): GroupField {
  return {
    name: 'processing',
    type: 'group',
    access: { create: nobody, update: nobody },
    admin: {
      readOnly: true,
      position: 'sidebar',
      ...(options.listCell
        ? {
            components: {
              Cell: '/admin/components/ProcessingCell#ProcessingCell',
              Field: '/admin/components/ProcessingCell#ProcessingField',
            },
          }
        : {}),
    },
    fields: [
      {
        name: 'status',
        type: 'select',
        index: true,
        options: PROCESSING_STATUSES.map((value) => ({ value, label: value })),
      },
      { name: 'reason', type: 'text', admin: { description: 'Why processing failed, in words.' } },
      { name: 'progress', type: 'number', min: 0, max: 100 },
      { name: 'sha256', type: 'text', index: true, admin: { hidden: true } },
      { name: 'fingerprint', type: 'text', admin: { hidden: true } },
      { name: 'durationMs', type: 'number' },
      {
        name: 'details',
        type: 'json',
        admin: { hidden: true },
        ...(options.detailsType
          ? {
              typescriptSchema: [
                () => ({
                  oneOf: [{ $ref: `#/definitions/${options.detailsType}` }, { type: 'null' }],
                }),
              ],
            }
          : {}),
      },
    ],
  }
}
