import type { CollectionConfig } from 'payload'

import { anchorComment } from './hooks/anchorComment'
import { getAssignedScope, whereIdIn } from '../../access/assignedScope'
import { hasRole, staffUser } from '../../access/roles'

/** Comments are for the people working on a script: its co-producers, designers and admins. */
export const Comments: CollectionConfig<'comments'> = {
  slug: 'comments',
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'script', 'lineId', 'author', 'resolved', 'createdAt'],
    group: 'Co-production',
  },
  access: {
    read: async ({ req }) => {
      const user = staffUser(req)
      if (!user || user.role === 'publisher') return false
      if (user.role !== 'coProducer') return true
      const scope = await getAssignedScope(req, user.id)
      return scope.scriptIds.length ? { script: { in: scope.scriptIds } } : whereIdIn([])
    },
    create: ({ req }) => hasRole(req, 'admin', 'designer', 'coProducer'),
    update: async ({ req }) => {
      const user = staffUser(req)
      if (!user || user.role === 'publisher') return false
      if (user.role !== 'coProducer') return true
      const scope = await getAssignedScope(req, user.id)
      return scope.scriptIds.length ? { script: { in: scope.scriptIds } } : whereIdIn([])
    },
    delete: ({ req }) => {
      const user = staffUser(req)
      if (!user) return false
      if (user.role === 'admin') return true
      return user.role === 'publisher' ? false : { author: { equals: user.id } }
    },
  },
  hooks: {
    beforeChange: [anchorComment],
  },
  fields: [
    { name: 'script', type: 'relationship', relationTo: 'scripts', required: true, index: true },
    {
      name: 'lineId',
      type: 'text',
      index: true,
      admin: { description: 'The line commented on; empty for the whole script.' },
    },
    { name: 'body', type: 'textarea', required: true },
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
