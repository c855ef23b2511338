import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { sql } from '@payloadcms/db-sqlite'
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isSqliteRun } from './helpers/databaseKind'
import { getTestPayload, uniqueSuffix } from './helpers/payload'
import { down, up } from '../../src/migrations/20261202_033000_derived_media_refs'
import * as onMongo from '../../src/migrations-mongodb/20261202_033000_derived_media_refs'
import type { Clip } from '../../src/payload-types'
import { SYSTEM_MEDIA_WRITE } from '../../src/services/writeContext'

const A = 'a'.repeat(64)
const url = (file: string) => `/api/media/derived/${A}/${file}`

/** A record as the media job wrote it before derived media was named by key and file. */
const legacy = {
  poster: { url: url('poster.jpg'), sizes: { card: url('poster-card.jpg') } },
  renditions: [{ label: '360p', file: '360p.mp4', url: url('360p.mp4'), height: 360 }],
  offline: [],
  hls: null,
  sync: [],
  captions: [],
  ffmpegRuns: 1,
}

let payload: Payload
let clip: Clip
const migrationArgs = () =>
  ({ db: (payload.db as unknown as { drizzle: unknown }).drizzle, payload }) as Parameters<
    typeof up
  >[0]

const detailsOf = async () =>
  (await payload.findByID({ collection: 'clips', id: clip.id, depth: 0 })).processing?.details

// The migration is SQL on SQLite's clips table and runs only there; MongoDB's is below.
describe.runIf(isSqliteRun)('the migration that names derived media by key and file', () => {
  beforeAll(async () => {
    payload = await getTestPayload()
    clip = await payload.create({
      collection: 'clips',
      data: { title: `Migrated ${uniqueSuffix()}`, slug: `migrated-${uniqueSuffix()}` },
      context: SYSTEM_MEDIA_WRITE,
    })
    // Written as an older studio stored it: straight into the column, past today's types.
    await payload.db.drizzle.run(
      sql`UPDATE clips SET processing_details = ${JSON.stringify(legacy)} WHERE id = ${clip.id}`,
    )
  })

  afterAll(async () => {
    await payload.delete({ collection: 'clips', id: clip.id, context: SYSTEM_MEDIA_WRITE })
  })

  it('should rewrite stored URL records, and be safe to run twice', async () => {
    await up(migrationArgs())
    await up(migrationArgs())
    expect(await detailsOf()).toEqual({
      ...legacy,
      poster: { key: A, file: 'poster.jpg', sizes: { card: 'poster-card.jpg' } },
      renditions: [{ key: A, label: '360p', file: '360p.mp4', height: 360 }],
    })
  })

  it('should give the old records back when migrated down', async () => {
    await down(migrationArgs())
    expect(await detailsOf()).toMatchObject({ poster: legacy.poster })
    await up(migrationArgs())
    expect((await detailsOf())?.poster).toEqual({
      key: A,
      file: 'poster.jpg',
      sizes: { card: 'poster-card.jpg' },
    })
  })
})

describe.runIf(!isSqliteRun)('the same migration on MongoDB', () => {
  const mongoArgs = () => ({ payload }) as Parameters<typeof onMongo.up>[0]

  beforeAll(async () => {
    payload = await getTestPayload()
    clip = await payload.create({
      collection: 'clips',
      data: { title: `Migrated ${uniqueSuffix()}`, slug: `migrated-${uniqueSuffix()}` },
      context: SYSTEM_MEDIA_WRITE,
    })
    // Written as an older studio stored it: straight into the document, past today's types.
    const { collections } = payload.db as unknown as MongooseAdapter
    await collections.clips.collection.updateOne(
      { _id: new ObjectId(String(clip.id)) },
      { $set: { 'processing.details': legacy } },
    )
  })

  afterAll(async () => {
    await payload.delete({ collection: 'clips', id: clip.id, context: SYSTEM_MEDIA_WRITE })
  })

  it('should rewrite stored URL records, be safe to run twice, and migrate down', async () => {
    await onMongo.up(mongoArgs())
    await onMongo.up(mongoArgs())
    expect(await detailsOf()).toEqual({
      ...legacy,
      poster: { key: A, file: 'poster.jpg', sizes: { card: 'poster-card.jpg' } },
      renditions: [{ key: A, label: '360p', file: '360p.mp4', height: 360 }],
    })
    await onMongo.down(mongoArgs())
    expect(await detailsOf()).toMatchObject({ poster: legacy.poster })
  })
})
