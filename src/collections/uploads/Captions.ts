import type { CollectionConfig } from 'payload'

import { mediaAccess } from './mediaAccess'
import { processingField } from '../../fields/processing'
import { queueClipsUsingMedia } from '../../hooks/queueClipProcessing'
import { validateUpload } from '../../hooks/validateUpload'
import { mediaDir } from '../../lib/config/paths'

export const Captions: CollectionConfig<'captions'> = {
  slug: 'captions',
  labels: { singular: 'Caption track', plural: 'Caption tracks' },
  admin: {
    useAsTitle: 'title',
    group: 'Media',
    defaultColumns: ['filename', 'title', 'processing', 'filesize'],
  },
  access: mediaAccess('captionIds'),
  hooks: {
    beforeOperation: [validateUpload('captions')],
    afterChange: [queueClipsUsingMedia('captions.track')],
  },
  upload: {
    staticDir: mediaDir('captions'),
    mimeTypes: ['text/vtt'],
  },
  fields: [{ name: 'title', type: 'text' }, processingField({ listCell: true })],
}
