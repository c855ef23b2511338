import { MongoClient, type Db } from 'mongodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { uniqueSuffix } from './helpers/payload'

// What DATABASE_COMPAT=ferretdb turns off, shown with the MongoDB driver alone, so the setting
// stays justified: if a FerretDB upgrade implements these, the FerretDB cases fail and the
// setting can go. Only runs when the suite runs against a MongoDB-protocol server.
const uri = process.env.DATABASE_URI ?? ''
const isMongoProtocol = /^mongodb(\+srv)?:\/\//.test(uri)
const isFerretdb = process.env.DATABASE_COMPAT === 'ferretdb'

describe.runIf(isMongoProtocol)('the MongoDB-protocol server, at the driver level', () => {
  let client: MongoClient
  let db: Db
  const clips = `probe-clips-${uniqueSuffix()}`
  const toolkits = `probe-toolkits-${uniqueSuffix()}`

  beforeAll(async () => {
    client = await MongoClient.connect(uri)
    db = client.db()
    const { insertedId } = await db.collection(toolkits).insertOne({ title: 'Toolkit' })
    await db.collection(clips).insertOne({ title: 'Clip', toolkit: insertedId })
  })

  afterAll(async () => {
    await db?.collection(clips).drop()
    await db?.collection(toolkits).drop()
    await client?.close()
  })

  const joinClipsToToolkits = () =>
    db
      .collection(clips)
      .aggregate([
        { $lookup: { from: toolkits, localField: 'toolkit', foreignField: '_id', as: 'joined' } },
      ])
      .toArray()

  it.runIf(isFerretdb)(
    'should refuse the $lookup stage on FerretDB, which is why useJoinAggregations and usePipelineInSortLookup are off',
    async () => {
      await expect(joinClipsToToolkits()).rejects.toMatchObject({
        codeName: 'NotImplemented',
        message: expect.stringContaining('$lookup'),
      })
    },
  )

  it.runIf(isFerretdb)(
    'should refuse a write inside a transaction on FerretDB, which is why transactionOptions is off',
    async () => {
      const session = client.startSession()
      try {
        session.startTransaction()
        await expect(
          db.collection(clips).insertOne({ title: 'In a transaction' }, { session }),
        ).rejects.toThrow()
      } finally {
        await session.endSession()
      }
      expect(await db.collection(clips).countDocuments({ title: 'In a transaction' })).toBe(0)
    },
  )

  it.runIf(isFerretdb)(
    'should refuse a duplicate key on FerretDB without naming the index or key, so Payload cannot name the field',
    async () => {
      const slugs = db.collection(toolkits)
      await slugs.createIndex({ slug: 1 }, { unique: true, name: 'slug_1' })
      await slugs.insertOne({ slug: 'taken' })
      const refusal = await slugs.insertOne({ slug: 'taken' }).catch((error: unknown) => error)
      expect(refusal).toMatchObject({ code: 11000 })
      expect(refusal).not.toHaveProperty('keyValue')
      expect(String((refusal as Error).message)).not.toContain('slug')
    },
  )

  it.runIf(!isFerretdb)(
    'should join with $lookup on MongoDB itself, which the adapter uses unless DATABASE_COMPAT says otherwise',
    async () => {
      const [clip] = await joinClipsToToolkits()
      expect(clip?.joined).toMatchObject([{ title: 'Toolkit' }])
    },
  )
})
