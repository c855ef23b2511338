import { parseDatabaseUri } from '../../../src/domain/config/databaseUri'

/**
 * Whether this run's database is the embedded SQLite one. Tests of SQLite's own machinery (the
 * backup command, which copies the database file; a migration, written in SQL) run only then:
 * with MongoDB, the README sends operators to MongoDB's own tools.
 */
export const isSqliteRun = parseDatabaseUri(process.env.DATABASE_URI).kind === 'sqlite'

/**
 * An id of this database's own form (a number on SQLite, an ObjectId on MongoDB) that names no
 * document: a route given it reaches its access rules instead of the guard against impossible ids.
 */
export const wellFormedId = isSqliteRun ? '1' : '000000000000000000000001'
