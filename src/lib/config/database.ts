import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { applyPragmasToEveryConnection } from './sqliteConnections'
import { mongoCompatibility, parseDatabaseCompat } from '../../domain/config/databaseCompat'
import { parseDatabaseUri } from '../../domain/config/databaseUri'
import { perConnectionPragmas, sqliteSettings } from '../../domain/config/sqliteSettings'

/**
 * Embedded SQLite by default; MongoDB when DATABASE_URI says so. SQLite in production does not
 * push its schema, so the committed migrations run on start; MongoDB is schemaless, and runs
 * only the data migrations, on start in production too.
 *
 * SQLite runs in WAL mode with a busy timeout and synchronous=NORMAL on every connection (see
 * sqliteSettings), so the server and a worker can write at once. It runs without transactions,
 * Payload's default for SQLite: libsql's driver is synchronous, so a second transaction in the
 * same process would block the event loop waiting on the first, which could then never commit.
 * Each statement commits on its own and holds the write lock for milliseconds.
 */
export function createDatabaseAdapter(options: {
  uri: string | undefined
  rootDir: string
  migrationDir: string
  migrations: NonNullable<Parameters<typeof sqliteAdapter>[0]['prodMigrations']>
  /** Data migrations for MongoDB, which has no schema to migrate (src/migrations-mongodb). */
  mongoMigrations?: NonNullable<Parameters<typeof mongooseAdapter>[0]['prodMigrations']>
  env?: Record<string, string | undefined>
}): DatabaseAdapterObj {
  const choice = parseDatabaseUri(options.uri)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({
      url: choice.url,
      prodMigrations: options.mongoMigrations,
      ...mongoCompatibility(parseDatabaseCompat((options.env ?? process.env).DATABASE_COMPAT)),
    })
  }
  const filePath = path.isAbsolute(choice.filePath)
    ? choice.filePath
    : path.resolve(options.rootDir, choice.filePath)
  fs.mkdirSync(path.dirname(filePath), { recursive: true })
  const settings = sqliteSettings(options.env ?? process.env)
  const base = sqliteAdapter({
    client: { url: `file:${filePath}` },
    busyTimeout: settings.busyTimeoutMs,
    wal: { synchronous: settings.synchronous },
    migrationDir: options.migrationDir,
    prodMigrations: options.migrations,
  })
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as SQLiteAdapter
      applyPragmasToEveryConnection(adapter, perConnectionPragmas(settings))
      return adapter
    },
  }
}
