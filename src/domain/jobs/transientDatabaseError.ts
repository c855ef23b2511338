const TRANSIENT_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED'])
const TRANSIENT_MESSAGE = /database is locked|database table is locked|SQLITE_BUSY|SQLITE_LOCKED/i

/**
 * A database error that goes away by itself: another process held SQLite's write lock for
 * longer than the busy timeout. libsql reports it as code SQLITE_BUSY (or an extended code such
 * as SQLITE_BUSY_SNAPSHOT); Drizzle and Payload wrap it, so the whole `cause` chain is searched.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  let current = error
  for (let depth = 0; current && depth < 8; depth++) {
    const { code, message, cause } = current as {
      code?: unknown
      message?: unknown
      cause?: unknown
    }
    const baseCode = typeof code === 'string' ? code.split('_').slice(0, 2).join('_') : ''
    if (TRANSIENT_CODES.has(baseCode)) return true
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true
    current = cause
  }
  return false
}
