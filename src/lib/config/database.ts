import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { parseDatabaseUri } from '../../domain/config/databaseUri'

/**
 * Embedded SQLite by default; MongoDB when DATABASE_URI says so. SQLite in production does not
 * push its schema, so the committed migrations run on start; MongoDB is schemaless.
 */
export function createDatabaseAdapter(options: {
  uri: string | undefined
  rootDir: string
  migrationDir: string
  migrations: NonNullable<Parameters<typeof sqliteAdapter>[0]['prodMigrations']>
}): DatabaseAdapterObj {
  const choice = parseDatabaseUri(options.uri)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
  }
  const filePath = path.isAbsolute(choice.filePath)
    ? choice.filePath
    : path.resolve(options.rootDir, choice.filePath)
  fs.mkdirSync(path.dirname(filePath), { recursive: true })
  return sqliteAdapter({
    client: { url: `file:${filePath}` },
    migrationDir: options.migrationDir,
    prodMigrations: options.migrations,
  })
}
