/**
 * The JSON contracts of what a build records on a release (`releases.freeze`, `.preflight` and
 * `.build`): written by the publish service and the build, read by the changelog, the stalled
 * build check and the admin's release panel. payload.config.ts adds them to the generated types
 * under these names, so a renamed or missing key fails the type check in writers and readers.
 */
import { BUILD_PHASES } from './buildProgress'

const string = { type: 'string' } as const
const number = { type: 'number' } as const

export const FROZEN_RELEASE = 'FrozenRelease'
export const RELEASE_PREFLIGHT = 'ReleasePreflight'
export const BUILD_PROGRESS = 'BuildProgress'
export const RELEASE_CONTRIBUTIONS = 'ReleaseContributions'

/** Every document the release used, as the changelog compares releases (see changelog.ts). */
export const frozenReleaseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'documents'],
  properties: {
    version: string,
    documents: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['collection', 'id', 'title', 'versionId'],
        properties: {
          collection: string,
          id: string,
          title: string,
          versionId: {
            type: 'string',
            description: 'The published version id (or a content hash) the release was built from.',
          },
        },
      },
    },
  },
} as const

/** Where a build has got to (see buildProgress.ts). */
export const buildProgressSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['phase', 'done', 'total', 'startedAt', 'heartbeatAt'],
  properties: {
    phase: { type: 'string', enum: [...BUILD_PHASES] },
    done: {
      type: 'number',
      description:
        'Steps finished in this phase, out of `total` (0 of 0 for phases without steps).',
    },
    total: number,
    startedAt: string,
    heartbeatAt: {
      type: 'string',
      description:
        'Renewed while the build runs; a build whose heartbeat stops has died with its process.',
    },
  },
} as const

const documentRef = {
  type: 'object',
  additionalProperties: false,
  required: ['collection', 'id', 'title'],
  properties: {
    collection: {
      type: 'string',
      enum: ['toolkits', 'modules', 'exercises', 'clips', 'scripts'],
    },
    id: string,
    title: string,
  },
} as const

const coverageCell = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['clipId', 'clipTitle', 'viaVariant'],
      properties: { clipId: string, clipTitle: string, viaVariant: { type: 'boolean' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['problem'],
      properties: { problem: string },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['notShown'],
      properties: { notShown: { type: 'string', enum: ['module', 'exercise'] } },
    },
  ],
} as const

/**
 * `PreflightResult` (preflight.ts), as the publish stores it when the build starts and the build
 * when it publishes. The problem codes and the references' collections are listed again here;
 * test/unit/releaseRecordSchemas.test.ts fails when they drift from preflight.ts.
 */
export const releasePreflightSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ok', 'problems', 'coverage'],
  properties: {
    ok: { type: 'boolean' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message', 'document'],
        properties: {
          code: {
            type: 'string',
            enum: [
              'no-audiences',
              'no-locales',
              'no-accents',
              'no-foundation',
              'no-clip',
              'clip-not-found',
              'clip-is-variant',
              'clip-not-for-audience',
              'no-script',
              'script-not-approved',
              'unpublished-draft',
              'media-not-ready',
              'missing-voice-track',
              'stale-voice-track',
              'missing-caption',
              'stale-caption',
              'consent-withdrawn',
            ],
          },
          message: string,
          document: documentRef,
        },
      },
    },
    coverage: {
      type: 'object',
      additionalProperties: false,
      required: ['audiences', 'exercises', 'cells'],
      properties: {
        audiences: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'slug', 'label'],
            properties: { id: string, slug: string, label: string },
          },
        },
        exercises: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'moduleId', 'moduleTitle'],
            properties: { id: string, title: string, moduleId: string, moduleTitle: string },
          },
        },
        cells: {
          type: 'object',
          additionalProperties: { type: 'object', additionalProperties: coverageCell },
        },
      },
    },
  },
} as const

const ids = { type: 'array', items: string } as const

/**
 * Whose work a published release holds (see src/domain/consent/consentRules.ts): people by user
 * id only, so the record names nobody; and the pseudonyms it credits, as its manifests do.
 */
export const releaseContributionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['people', 'credits'],
  properties: {
    people: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['userId', 'scripts', 'clips'],
        properties: { userId: string, scripts: ids, clips: ids },
      },
    },
    credits: ids,
  },
} as const
