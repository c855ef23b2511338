import path from 'node:path'

/**
 * The studio runs from its repository root (npm scripts, next start, vitest). MEDIA_DIR and
 * DATA_DIR move uploads and the embedded database elsewhere, e.g. a temporary folder in tests.
 */
export const rootDir = (): string => process.cwd()

export const dataDir = (): string => path.resolve(rootDir(), process.env.DATA_DIR ?? 'data')

export const mediaDir = (collection: string): string =>
  path.resolve(rootDir(), process.env.MEDIA_DIR ?? 'media', collection)
