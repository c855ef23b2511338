import type { CollectionConfig } from 'payload'

import { mediaAccess } from './mediaAccess'
import { processingField } from '../../fields/processing'
import { queueClipsUsingMedia } from '../../hooks/queueClipProcessing'
import { validateUpload } from '../../hooks/validateUpload'
import { mediaDir } from '../../lib/config/paths'

export const Animations: CollectionConfig<'animations'> = {
  slug: 'animations',
  admin: {
    useAsTitle: 'title',
    group: 'Media',
    defaultColumns: ['filename', 'title', 'processing', 'filesize'],
  },
  access: mediaAccess('animationIds'),
  hooks: {
    beforeOperation: [validateUpload('animations')],
    afterChange: [queueClipsUsingMedia('animation')],
  },
  upload: {
    staticDir: mediaDir('animations'),
    mimeTypes: ['video/*'],
  },
  fields: [{ name: 'title', type: 'text' }, processingField({ listCell: true })],
}
