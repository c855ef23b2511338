import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { legacyUrlsFromRefs, refsFromLegacyUrls } from '../domain/media/legacyDerivedUrls'

/** Data only: processing records name derived media by key and file instead of by URL. */
const TABLES = ['clips', 'animations', 'voice_tracks'] as const

type Db = MigrateUpArgs['db']

async function rewriteDetails(db: Db, convert: (details: unknown) => unknown): Promise<void> {
  for (const table of TABLES) {
    const rows = await db.all<{ id: number; details: string }>(
      sql`SELECT id, processing_details AS details FROM ${sql.identifier(table)} WHERE processing_details IS NOT NULL`,
    )
    for (const row of rows) {
      const before = JSON.parse(row.details) as unknown
      const after = JSON.stringify(convert(before))
      if (after === row.details) continue
      await db.run(
        sql`UPDATE ${sql.identifier(table)} SET processing_details = ${after} WHERE id = ${row.id}`,
      )
    }
  }
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await rewriteDetails(db, refsFromLegacyUrls)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await rewriteDetails(db, legacyUrlsFromRefs)
}
