import type { MigrateDownArgs, MigrateUpArgs, MongooseAdapter } from '@payloadcms/db-mongodb'

import { legacyUrlsFromRefs, refsFromLegacyUrls } from '../domain/media/legacyDerivedUrls'

/**
 * MongoDB's counterpart of src/migrations/20261202_033000_derived_media_refs.ts (data only):
 * processing records name derived media by key and file instead of by URL.
 */
const COLLECTIONS = ['clips', 'animations', 'voice-tracks'] as const

async function rewriteDetails(
  { payload, session }: MigrateUpArgs,
  convert: (details: unknown) => unknown,
): Promise<void> {
  const { collections } = payload.db as unknown as MongooseAdapter
  for (const slug of COLLECTIONS) {
    const { collection } = collections[slug]
    const docs = await collection
      .find(
        { 'processing.details': { $ne: null } },
        { projection: { 'processing.details': 1 }, session },
      )
      .toArray()
    for (const doc of docs) {
      const before = (doc.processing as { details?: unknown } | undefined)?.details
      const after = convert(before)
      if (JSON.stringify(after) === JSON.stringify(before)) continue
      await collection.updateOne(
        { _id: doc._id },
        { $set: { 'processing.details': after } },
        { session },
      )
    }
  }
}

export async function up(args: MigrateUpArgs): Promise<void> {
  await rewriteDetails(args, refsFromLegacyUrls)
}

export async function down(args: MigrateDownArgs): Promise<void> {
  await rewriteDetails(args, legacyUrlsFromRefs)
}
