import type { CollectionConfig } from 'payload'

import { mediaAccess } from './mediaAccess'
import { coProducerField } from '../../fields/coProducer'
import { processingField } from '../../fields/processing'
import { queueClipsUsingMedia } from '../../hooks/queueClipProcessing'
import { validateUpload } from '../../hooks/validateUpload'
import { mediaDir } from '../../lib/config/paths'

export const VoiceTracks: CollectionConfig<'voice-tracks'> = {
  slug: 'voice-tracks',
  labels: { singular: 'Voice track', plural: 'Voice tracks' },
  admin: {
    useAsTitle: 'title',
    group: 'Media',
    defaultColumns: ['filename', 'title', 'processing', 'filesize'],
  },
  access: mediaAccess('voiceTrackIds'),
  hooks: {
    beforeOperation: [validateUpload('voice-tracks')],
    afterChange: [queueClipsUsingMedia('voiceTracks.track')],
  },
  upload: {
    staticDir: mediaDir('voice-tracks'),
    mimeTypes: ['audio/*'],
  },
  fields: [
    { name: 'title', type: 'text' },
    coProducerField({
      name: 'recordedBy',
      label: 'Voice of a co-producer',
      index: true,
      admin: {
        description:
          'If a co-producer recorded this voice, choose them: if they withdraw consent to their voice, releases stop using it.',
      },
    }),
    processingField({ listCell: true }),
  ],
}
