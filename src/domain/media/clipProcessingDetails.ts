/**
 * The JSON contract of a clip's `processing.details`: written by the media job, read by the
 * release loader, the derived-media access rule and the admin's media panel. The schema is the
 * one source: payload.config.ts adds it to the generated types as `ClipProcessingDetails`, so a
 * renamed or missing key fails the type check in every writer and reader.
 *
 * Media is named by derived key and file name, never by URL: where it is served is the HTTP
 * edge's business (derivedRefs.ts builds the admin's URLs), and where it is stored the media
 * store's.
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
      required: ['key', 'file', 'sizes'],
      properties: {
        key: string,
        file: string,
        /** Each poster size's file, beside `file` under the same key. */
        sizes: { type: 'object', additionalProperties: string },
      },
    },
    renditions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'key',
          'label',
          'file',
          'width',
          'height',
          'bytes',
          'averageBandwidth',
          'bandwidth',
          'codecs',
          'frameRate',
        ],
        properties: {
          key: string,
          label: string,
          file: string,
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
        required: ['accentTag', 'accentLabel', 'key', 'file', 'bytes'],
        properties: {
          accentTag: string,
          accentLabel: string,
          key: string,
          file: string,
          bytes: number,
        },
      },
    },
    hls: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['key', 'file'],
          properties: { key: string, file: string },
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
