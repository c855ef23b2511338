import type { CollectionConfig } from 'payload'

import { anchorComment } from './hooks/anchorComment'
import { deleteVoiceWithComment } from './hooks/deleteVoiceWithComment'
import { onScriptsInScope } from '../../access/assignedScope'
import { hasRole, staffUser } from '../../access/roles'
import type { Comment } from '../../payload-types'

/** Comments are for the people working on a script: its co-producers, designers and admins. */
export const Comments: CollectionConfig<'comments'> = {
  slug: 'comments',
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'script', 'lineId', 'author', 'resolved', 'createdAt'],
    group: 'Co-production',
  },
  access: {
    read: onScriptsInScope,
    create: ({ req }) => hasRole(req, 'admin', 'designer', 'coProducer'),
    update: onScriptsInScope,
    delete: ({ req }) => {
      const user = staffUser(req)
      if (!user) return false
      if (user.role === 'admin') return true
      return user.role === 'publisher' ? false : { author: { equals: user.id } }
    },
  },
  hooks: {
    beforeChange: [anchorComment],
    afterDelete: [deleteVoiceWithComment],
  },
  fields: [
    { name: 'script', type: 'relationship', relationTo: 'scripts', required: true, index: true },
    {
      name: 'lineId',
      type: 'text',
      index: true,
      admin: { description: 'The line commented on; empty for the whole script.' },
    },
    {
      name: 'body',
      type: 'textarea',
      label: 'Comment',
      required: true,
      // Replaces the required check: a spoken comment may have no typed words (stored as '').
      validate: (value: null | string | undefined, { data }: { data: Partial<Comment> }) =>
        Boolean(value?.trim()) || data?.voice != null || 'Write a comment, or record one.',
    },
    {
      name: 'voice',
      type: 'upload',
      relationTo: 'voice-comments',
      label: 'Voice comment',
      // Set only by recording one (voice-comments makes its comment), never by pointing at a file.
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
      admin: { description: 'Set for a reply.' },
    },
    { name: 'replies', type: 'join', collection: 'comments', on: 'parent' },
    {
      name: 'resolved',
      type: 'checkbox',
      defaultValue: false,
      index: true,
    },
    // Filled by anchorComment from the signed-in person and the script as it was commented on.
    ...(['author', 'resolvedBy'] as const).map((name) => ({
      name,
      type: 'relationship' as const,
      relationTo: 'users' as const,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    })),
    ...(['scriptVersion', 'quotedSpeaker', 'quotedText'] as const).map((name) => ({
      name,
      type: 'text' as const,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    })),
  ],
}
