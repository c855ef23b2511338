import { lexicalEditor } from '@payloadcms/richtext-lexical'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Accents } from './src/collections/Accents'
import { Audiences } from './src/collections/Audiences'
import { AuditLog } from './src/collections/AuditLog'
import { Clips } from './src/collections/Clips'
import { Comments } from './src/collections/Comments'
import { Consents } from './src/collections/Consents'
import { DeliveryApps } from './src/collections/DeliveryApps'
import { Exercises } from './src/collections/Exercises'
import { hardenBuiltInRoutes } from './src/collections/internal'
import { Modules } from './src/collections/Modules'
import { Notifications } from './src/collections/Notifications'
import { Releases } from './src/collections/Releases'
import { Scripts } from './src/collections/Scripts'
import { Toolkits } from './src/collections/Toolkits'
import { Animations } from './src/collections/uploads/Animations'
import { Captions } from './src/collections/uploads/Captions'
import { Images } from './src/collections/uploads/Images'
import { answerMissingFilesWith404 } from './src/collections/uploads/missingFiles'
import { VoiceTracks } from './src/collections/uploads/VoiceTracks'
import { Users } from './src/collections/Users'
import { VoiceComments } from './src/collections/VoiceComments'
import { csrfAllowList, resolveServerUrl } from './src/domain/config/serverUrl'
import {
  CLIP_PROCESSING_DETAILS,
  clipProcessingDetailsSchema,
} from './src/domain/media/clipProcessingDetails'
import { formatBytes } from './src/domain/media/uploadRules'
import { RELEASE_OUTPUT, releaseOutputSchema } from './src/domain/releases/releaseOutputSchema'
import {
  BUILD_PROGRESS,
  buildProgressSchema,
  RELEASE_CONTRIBUTIONS,
  releaseContributionsSchema,
  FROZEN_RELEASE,
  frozenReleaseSchema,
  RELEASE_PREFLIGHT,
  releasePreflightSchema,
} from './src/domain/releases/releaseRecordSchemas'
import { DEFAULT_LOCALE, LOCALES } from './src/domain/vocabulary'
import { deliveryEndpoints } from './src/endpoints/delivery'
import { mediaEndpoints } from './src/endpoints/media'
import { auditCollection } from './src/hooks/auditLog'
import { onInit } from './src/hooks/onInit'
import { badInputLoggingLevels, refuseMalformedQueries } from './src/hooks/refuseMalformedQueries'
import { checkRelationshipsExist } from './src/hooks/relationshipsExist'
import { guardUploadStorage } from './src/hooks/uploadStorage'
import { largestUploadLimit } from './src/hooks/validateUpload'
import { jobsAccess } from './src/jobs/access'
import { BuildReleaseTask } from './src/jobs/buildRelease/task'
import { inProcessJobRuns, shouldAutoRunJobs } from './src/jobs/inProcessJobs'
import { ProcessClipMediaTask } from './src/jobs/processClipMedia/task'
import { SendNotificationsTask } from './src/jobs/sendNotifications/task'
import { createDatabaseAdapter } from './src/lib/config/database'
import { emailAdapter } from './src/lib/config/email'
import { dataDir, rootDir } from './src/lib/config/paths'
import { resolvePayloadSecret } from './src/lib/config/secret'
import { deliveryCorsOrigins } from './src/lib/http/deliveryCors'
import { migrations } from './src/migrations'
import { mongoMigrations } from './src/migrations-mongodb'
import { signInLoggingLevels } from './src/services/auth/signIn'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build'
const serverURL = resolveServerUrl({
  nodeEnv: process.env.NODE_ENV,
  serverUrl: process.env.SERVER_URL,
  isBuildPhase,
})

// A malformed allow-list stops start-up rather than the first cross-origin request.
deliveryCorsOrigins()

export default buildConfig({
  serverURL,
  // The session cookie counts only on requests from the studio's own pages.
  csrf: csrfAllowList(serverURL),
  secret: resolvePayloadSecret({
    nodeEnv: process.env.NODE_ENV,
    secret: process.env.PAYLOAD_SECRET,
    dataDir: dataDir(),
    isBuildPhase,
  }),
  db: createDatabaseAdapter({
    uri: process.env.DATABASE_URI,
    rootDir: rootDir(),
    migrationDir: path.resolve(dirname, 'src/migrations'),
    migrations,
    mongoMigrations,
  }),
  admin: {
    user: Users.slug,
    avatar: 'default',
    meta: {
      titleSuffix: ' · CDM Studio',
      applicationName: 'CDM Studio',
      description: 'Authoring and co-production of Complementary Digital Media toolkits',
    },
    importMap: { baseDir: path.resolve(dirname, 'src') },
    components: {
      graphics: {
        Logo: '/admin/components/Brand/Logo#Logo',
        Icon: '/admin/components/Brand/Icon#Icon',
      },
      beforeDashboard: [
        '/admin/components/MyReviews#MyReviews',
        '/admin/components/ToolkitOverview#ToolkitOverview',
      ],
    },
  },
  collections: [
    // Every collection but the log itself records its changes in the audit log; upload
    // collections answer a full or read-only disk clearly and leave no files behind.
    ...[
      Toolkits,
      Modules,
      Exercises,
      Clips,
      Scripts,
      Comments,
      VoiceComments,
      Consents,
      Audiences,
      Accents,
      Animations,
      VoiceTracks,
      Captions,
      Images,
      Releases,
      DeliveryApps,
      Users,
    ]
      .map(guardUploadStorage)
      .map(auditCollection),
    AuditLog,
    // The outbox is written with the changes it reports; auditing it would log each twice.
    Notifications,
  ],
  localization: {
    locales: LOCALES.map(({ code, adminLabel }) => ({ code, label: adminLabel })),
    defaultLocale: DEFAULT_LOCALE,
    fallback: true,
  },
  // SMTP_URL: Payload's nodemailer adapter; without it emails go to the server log.
  email: emailAdapter(),
  editor: lexicalEditor(),
  sharp,
  telemetry: false,
  loggingLevels: { ...signInLoggingLevels, ...badInputLoggingLevels },
  typescript: {
    outputFile: process.env.PAYLOAD_TYPES_OUTPUT ?? path.resolve(dirname, 'src/payload-types.ts'),
    // JSON fields with a contract of their own (clipProcessingDetails.ts, releaseOutputSchema.ts,
    // releaseRecordSchemas.ts).
    schema: [
      ({ jsonSchema }) => ({
        ...jsonSchema,
        definitions: {
          ...jsonSchema.definitions,
          // A plain JSON Schema object; `as const` makes its arrays read-only, which the type refuses.
          [CLIP_PROCESSING_DETAILS]: structuredClone(clipProcessingDetailsSchema) as never,
          [RELEASE_OUTPUT]: structuredClone(releaseOutputSchema) as never,
          [FROZEN_RELEASE]: structuredClone(frozenReleaseSchema) as never,
          [RELEASE_PREFLIGHT]: structuredClone(releasePreflightSchema) as never,
          [BUILD_PROGRESS]: structuredClone(buildProgressSchema) as never,
          [RELEASE_CONTRIBUTIONS]: structuredClone(releaseContributionsSchema) as never,
        },
      }),
    ],
  },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'),
    // Payload's defaults, stated: no playground and no introspection in production.
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
  },
  upload: {
    // Uploads stream to disk, and the parser refuses (413) anything past the largest
    // per-collection limit instead of silently truncating it (Payload issue #11153).
    useTempFiles: true,
    tempFileDir: path.join(os.tmpdir(), 'cdm-studio-uploads'),
    abortOnLimit: true,
    // Payload's default 50 MiB request cap would refuse animations long before their limit.
    requestSizeLimit: largestUploadLimit() + 1024 * 1024,
    responseOnLimit: `The file is larger than the largest upload CDM Studio accepts (${formatBytes(largestUploadLimit())}).`,
    limits: { fileSize: largestUploadLimit() },
  },
  endpoints: [...mediaEndpoints, ...deliveryEndpoints],
  jobs: {
    tasks: [ProcessClipMediaTask, BuildReleaseTask, SendNotificationsTask],
    access: jobsAccess,
    enableConcurrencyControl: true,
    // Development runs media jobs and release builds inside the server; production runs
    // `npm run worker` beside it, or sets MEDIA_JOBS_AUTORUN=1 (see README).
    autoRun: inProcessJobRuns,
    shouldAutoRun: shouldAutoRunJobs,
  },
  onInit,
})
  .then(hardenBuiltInRoutes)
  .then(refuseMalformedQueries)
  .then(answerMissingFilesWith404)
  .then(checkRelationshipsExist)
