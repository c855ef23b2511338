import type { CollectionConfig } from 'payload'

import { forgetVoiceOnComment } from './hooks/forgetVoiceOnComment'
import { nameRecording } from './hooks/nameRecording'
import { placeVoiceComment } from './hooks/placeVoiceComment'
import { postVoiceComment } from './hooks/postVoiceComment'
import { onScriptsInScope } from '../../access/assignedScope'
import { hasRole } from '../../access/roles'
import { validateUpload } from '../../hooks/validateUpload'
import { mediaDir } from '../../lib/config/paths'

const nobody = () => false

/**
 * A comment spoken on a line instead of typed: recorded in the review, checked like a voice
 * track (sound only, at most ten minutes), and posted as a comment in the same request. The
 * recording is the co-producer's own voice, so only the people on the script hear it; it cannot
 * be edited, and it goes when its comment goes or its author is erased.
 */
export const VoiceComments: CollectionConfig<'voice-comments'> = {
  slug: 'voice-comments',
  labels: { singular: 'Voice comment', plural: 'Voice comments' },
  admin: {
    useAsTitle: 'filename',
    group: 'Co-production',
    defaultColumns: ['filename', 'script', 'lineId', 'author', 'durationMs', 'createdAt'],
    // Made and played in the script review; the list is for admins looking after the data.
    hidden: ({ user }) => user?.role !== 'admin',
  },
  // A copy would be a second recording of the person's voice, posted as nobody's comment.
  disableDuplicate: true,
  access: {
    read: onScriptsInScope,
    create: ({ req }) => hasRole(req, 'admin', 'designer', 'coProducer'),
    update: nobody,
    // Deleted with its comment (Comments/hooks/deleteVoiceWithComment.ts).
    delete: nobody,
  },
  hooks: {
    // Checked under the name it was sent with (so refusals quote it), then renamed.
    beforeOperation: [validateUpload('voice-comments'), nameRecording],
    beforeChange: [placeVoiceComment],
    afterChange: [postVoiceComment],
    beforeDelete: [forgetVoiceOnComment],
  },
  upload: {
    staticDir: mediaDir('voice-comments'),
    // Browsers record WebM or MP4, which their type sniffing may call video; ffprobe then
    // refuses any recording that holds a picture.
    mimeTypes: ['audio/*', 'video/webm', 'video/mp4'],
  },
  fields: [
    { name: 'script', type: 'relationship', relationTo: 'scripts', required: true, index: true },
    {
      name: 'lineId',
      type: 'text',
      index: true,
      admin: { description: 'The line spoken about; empty for the whole script.' },
    },
    {
      name: 'note',
      type: 'textarea',
      virtual: true,
      admin: { description: 'Typed words sent with the recording; they become the comment.' },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { create: nobody, update: nobody },
      admin: { readOnly: true },
    },
    {
      name: 'durationMs',
      type: 'number',
      label: 'Length (ms)',
      access: { create: nobody, update: nobody },
      admin: { readOnly: true },
    },
  ],
}
