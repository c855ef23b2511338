import type { CollectionConfig } from 'payload'

import { deleteConversation } from './hooks/deleteConversation'
import { enforceReviewRules, markMediaStaleAfterApprovedEdit } from './hooks/enforceReviewRules'
import { notifyReviewMoments } from './hooks/notifyReviewMoments'
import { validateScriptLines } from './hooks/validateScriptLines'
import { scriptReviewEndpoints } from './review/endpoints'
import {
  editorsOrAssignedDraftScript,
  readAllOrAssignedScript,
  readAllOrAssignedScriptVersions,
} from '../../access/assignedScope'
import { contentEditors, contentEditorsField } from '../../access/predicates'
import { SCRIPT_STATUS_LABELS, SCRIPT_STATUSES } from '../../domain/vocabulary'
import { requiredInDefaultLocale } from '../../fields/requiredInDefaultLocale'

// Written only by the review workflow (with overrideAccess), never by a form or API call.
const systemOnly = { create: () => false, update: () => false }

export const Scripts: CollectionConfig<'scripts'> = {
  slug: 'scripts',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'clip', 'status', 'updatedAt'],
    group: 'Co-production',
    components: {
      views: {
        edit: {
          review: {
            Component: '/admin/views/ScriptReview#ScriptReviewView',
            path: '/review',
            tab: { label: 'Review', href: '/review', order: 1 },
          },
        },
      },
    },
  },
  access: {
    read: readAllOrAssignedScript,
    readVersions: readAllOrAssignedScriptVersions,
    create: contentEditors,
    update: editorsOrAssignedDraftScript,
    delete: contentEditors,
  },
  versions: {
    drafts: { autosave: false },
    maxPerDoc: 100,
  },
  hooks: {
    beforeValidate: [validateScriptLines],
    beforeChange: [enforceReviewRules],
    afterChange: [markMediaStaleAfterApprovedEdit, notifyReviewMoments],
    beforeDelete: [deleteConversation],
  },
  endpoints: scriptReviewEndpoints,
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'clip',
      type: 'relationship',
      relationTo: 'clips',
      required: true,
      index: true,
      access: { update: contentEditorsField },
    },
    {
      name: 'status',
      label: 'Review status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: SCRIPT_STATUSES.map((value) => ({ value, label: SCRIPT_STATUS_LABELS[value] })),
      // The review workflow (submit, approve, request changes) owns transitions for other roles.
      access: { create: contentEditorsField, update: contentEditorsField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'assignedCoProducers',
      label: 'Assigned co-producers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      index: true,
      filterOptions: { role: { equals: 'coProducer' } },
      access: { create: contentEditorsField, update: contentEditorsField },
      admin: {
        position: 'sidebar',
        description: 'Experts by lived experience working on this script.',
      },
    },
    {
      name: 'reviewers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      access: systemOnly,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Chosen when the script is submitted for review.',
      },
    },
    {
      name: 'approvals',
      type: 'array',
      access: systemOnly,
      admin: { readOnly: true, position: 'sidebar', initCollapsed: true },
      fields: [
        { name: 'user', type: 'relationship', relationTo: 'users', required: true },
        { name: 'role', type: 'text', required: true },
        { name: 'versionId', type: 'text', required: true },
        { name: 'contentHash', type: 'text', required: true },
        { name: 'at', type: 'date', required: true },
      ],
    },
    { name: 'reviewedVersionId', type: 'text', access: systemOnly, admin: { hidden: true } },
    { name: 'approvedContentHash', type: 'text', access: systemOnly, admin: { hidden: true } },
    {
      name: 'characters',
      type: 'array',
      labels: { singular: 'Character', plural: 'Characters' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'description', type: 'textarea', localized: true },
      ],
    },
    {
      name: 'scenes',
      type: 'array',
      labels: { singular: 'Scene', plural: 'Scenes' },
      fields: [
        { name: 'heading', type: 'text', localized: true },
        {
          name: 'lines',
          type: 'array',
          labels: { singular: 'Line', plural: 'Lines' },
          fields: [
            {
              name: 'lineId',
              type: 'text',
              admin: {
                readOnly: true,
                description: 'Stable anchor for comments and captions; set automatically.',
              },
            },
            {
              name: 'speaker',
              type: 'text',
              required: true,
              admin: { description: 'The name of one of the characters above.' },
            },
            { name: 'text', type: 'textarea', localized: true, validate: requiredInDefaultLocale },
            { name: 'direction', type: 'text', localized: true },
          ],
        },
      ],
    },
  ],
}
