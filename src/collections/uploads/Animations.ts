import type { CollectionConfig } from 'payload'

import { mediaDir } from '../../lib/config/paths'
import { mediaAccess } from './mediaAccess'

export const Animations: CollectionConfig<'animations'> = {
  slug: 'animations',
  admin: { useAsTitle: 'title', group: 'Media', defaultColumns: ['filename', 'title', 'filesize'] },
  access: mediaAccess('animationIds'),
  upload: {
    staticDir: mediaDir('animations'),
    mimeTypes: ['video/*'],
  },
  fields: [{ name: 'title', type: 'text' }],
}
