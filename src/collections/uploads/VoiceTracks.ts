import type { CollectionConfig } from 'payload'

import { mediaDir } from '../../lib/config/paths'
import { mediaAccess } from './mediaAccess'

export const VoiceTracks: CollectionConfig<'voice-tracks'> = {
  slug: 'voice-tracks',
  labels: { singular: 'Voice track', plural: 'Voice tracks' },
  admin: { useAsTitle: 'title', group: 'Media', defaultColumns: ['filename', 'title', 'filesize'] },
  access: mediaAccess('voiceTrackIds'),
  upload: {
    staticDir: mediaDir('voice-tracks'),
    mimeTypes: ['audio/*'],
  },
  fields: [{ name: 'title', type: 'text' }],
}
