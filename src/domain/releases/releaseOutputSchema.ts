/**
 * The JSON contract of one release output (a manifest, its signature and its bundle for one
 * audience × locale), as `releases.outputs` stores it: written by the build, read by delivery,
 * the summary and the downloads. payload.config.ts adds it to the generated types as
 * `ReleaseOutput`.
 */
export const RELEASE_OUTPUT = 'ReleaseOutput'

export const releaseOutputSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'audience',
    'locale',
    'manifestSha256',
    'manifestBytes',
    'keyId',
    'signature',
    'assets',
    'assetBytes',
    'bundleBytes',
  ],
  properties: {
    audience: { type: 'string' },
    locale: { type: 'string' },
    manifestSha256: { type: 'string' },
    manifestBytes: { type: 'number' },
    keyId: { type: 'string' },
    signature: { type: 'string' },
    assets: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['bytes', 'mime'],
        // `file` since manifests of version 3; outputs built before have none.
        properties: {
          bytes: { type: 'number' },
          mime: { type: 'string' },
          file: { type: 'string' },
        },
      },
    },
    assetBytes: { type: 'number' },
    bundleBytes: { type: 'number' },
  },
} as const
