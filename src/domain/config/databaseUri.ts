export type DatabaseChoice =
  { kind: 'sqlite'; url: string; filePath: string } | { kind: 'mongodb'; url: string }

export const DEFAULT_SQLITE_FILE = 'data/cdm-studio.db'

const ACCEPTED_FORMS =
  'unset (embedded SQLite in data/), file:<path> (SQLite), mongodb://… or mongodb+srv://… (MongoDB)'

/**
 * Chooses the database from DATABASE_URI. Anything we do not recognise stops start-up: a typo in
 * production must not silently fall back to an empty embedded database.
 */
export function parseDatabaseUri(uri: string | undefined): DatabaseChoice {
  const value = uri?.trim() ?? ''
  if (value === '') {
    return { kind: 'sqlite', url: `file:${DEFAULT_SQLITE_FILE}`, filePath: DEFAULT_SQLITE_FILE }
  }
  if (value.startsWith('file:')) {
    const filePath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (filePath === '' || filePath.endsWith('/')) {
      throw new Error(
        `DATABASE_URI "${value}" names no SQLite file. Accepted forms: ${ACCEPTED_FORMS}.`,
      )
    }
    return { kind: 'sqlite', url: value, filePath }
  }
  if (/^mongodb(\+srv)?:\/\/[^/\s]+/.test(value)) {
    return { kind: 'mongodb', url: value }
  }
  throw new Error(
    `DATABASE_URI "${redactCredentials(value)}" is not supported. Accepted forms: ${ACCEPTED_FORMS}.`,
  )
}

/** Hides everything between the scheme and the last "@": passwords may contain "@" or "/". */
function redactCredentials(uri: string): string {
  const schemeEnd = uri.indexOf('://')
  const at = uri.lastIndexOf('@')
  if (schemeEnd === -1 || at < schemeEnd) return uri
  return `${uri.slice(0, schemeEnd + 3)}***${uri.slice(at)}`
}
