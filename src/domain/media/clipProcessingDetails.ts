/**
 * The JSON contract of a clip's `processing.details`: written by the media job, read by the
 * release loader, the derived-media access rule and the admin's media panel. The schema is the
 * one source: payload.config.ts adds it to the generated types as `ClipProcessingDetails`, so a
 * renamed or missing key fails the type check in every writer and reader.
 *
 * Media is named by URL (`/api/media/derived/<key>/<file>`, see derivedUrls.ts) for now.
 */
const string = { type: 'string' } as const
const number = { type: 'number' } as const
const issue = {
  type: 'object',
  additionalProperties: false,
  required: ['line', 'message'],
  properties: { line: number, message: string },
} as const

export const CLIP_PROCESSING_DETAILS = 'ClipProcessingDetails'

export const clipProcessingDetailsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['poster', 'renditions', 'offline', 'hls', 'sync', 'captions', 'ffmpegRuns'],
  properties: {
    poster: {
      type: 'object',
      additionalProperties: false,
      required: ['url', 'sizes'],
      properties: { url: string, sizes: { type: 'object', additionalProperties: string } },
    },
    renditions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'label',
          'file',
          'url',
          'width',
          'height',
          'bytes',
          'averageBandwidth',
          'bandwidth',
          'codecs',
          'frameRate',
        ],
        properties: {
          label: string,
          file: string,
          url: string,
          width: number,
          height: number,
          bytes: number,
          averageBandwidth: number,
          bandwidth: number,
          codecs: string,
          frameRate: number,
        },
      },
    },
    offline: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['accentTag', 'accentLabel', 'url', 'bytes', 'sha256Key'],
        properties: {
          accentTag: string,
          accentLabel: string,
          url: string,
          bytes: number,
          sha256Key: string,
        },
      },
    },
    hls: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['key', 'url'],
          properties: { key: string, url: string },
        },
        { type: 'null' },
      ],
    },
    sync: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['accent', 'voiceMs', 'animationMs', 'differenceMs', 'inSync', 'message'],
        properties: {
          accent: string,
          voiceMs: number,
          animationMs: number,
          differenceMs: number,
          inSync: { type: 'boolean' },
          message: string,
        },
      },
    },
    captions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['locale', 'captionId', 'errors', 'warnings', 'cueCount'],
        properties: {
          locale: string,
          captionId: { type: ['number', 'string'] },
          errors: { type: 'array', items: issue },
          warnings: { type: 'array', items: issue },
          cueCount: number,
        },
      },
    },
    ffmpegRuns: number,
  },
} as const
