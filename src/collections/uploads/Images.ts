import type { CollectionConfig } from 'payload'

import { mediaAccess } from './mediaAccess'
import { requiredInDefaultLocale } from '../../fields/requiredInDefaultLocale'
import { validateUpload } from '../../hooks/validateUpload'
import { mediaDir } from '../../lib/config/paths'

export const Images: CollectionConfig<'images'> = {
  slug: 'images',
  admin: { useAsTitle: 'alt', group: 'Media', defaultColumns: ['filename', 'alt', 'filesize'] },
  access: mediaAccess('imageIds'),
  hooks: { beforeOperation: [validateUpload('images')] },
  upload: {
    staticDir: mediaDir('images'),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 180, position: 'centre' },
      { name: 'card', width: 640, height: 360, position: 'centre' },
      { name: 'slide', width: 1280, height: 720, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      label: 'Alternative text',
      type: 'text',
      localized: true,
      validate: requiredInDefaultLocale,
      admin: { description: 'Describe the picture for people who cannot see it.' },
    },
  ],
}
