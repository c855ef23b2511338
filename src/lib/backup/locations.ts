import path from 'node:path'

import { parseDatabaseUri } from '../../domain/config/databaseUri'
import { dataDir, mediaDir, rootDir } from '../config/paths'

export type StudioDatabase = { engine: 'sqlite'; file: string } | { engine: 'mongodb' }

export interface StudioLocations {
  database: StudioDatabase
  mediaDir: string
  dataDir: string
}

/**
 * Where the studio keeps its state under the current environment (DATABASE_URI, MEDIA_DIR,
 * DATA_DIR), resolved as payload.config.ts resolves them (see lib/config/database.ts).
 */
export function studioLocations(env: NodeJS.ProcessEnv = process.env): StudioLocations {
  const choice = parseDatabaseUri(env.DATABASE_URI)
  const database: StudioDatabase =
    choice.kind === 'mongodb'
      ? { engine: 'mongodb' }
      : {
          engine: 'sqlite',
          file: path.isAbsolute(choice.filePath)
            ? choice.filePath
            : path.resolve(rootDir(), choice.filePath),
        }
  return { database, mediaDir: mediaDir(''), dataDir: dataDir() }
}

/** The files SQLite keeps beside a database; they belong to it and move with it. */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const
