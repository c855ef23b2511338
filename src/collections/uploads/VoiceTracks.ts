import type { CollectionConfig } from 'payload'

import { mediaAccess } from './mediaAccess'
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
  fields: [{ name: 'title', type: 'text' }, processingField({ listCell: true })],
}
