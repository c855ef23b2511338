/**
 * How the embedded SQLite database is opened so that a server, a worker and several writers can
 * share it. WAL lets readers and one writer work at once; the busy timeout makes a writer wait
 * for another process's write (milliseconds) instead of failing with SQLITE_BUSY; NORMAL
 * synchronisation is safe in WAL mode against a crashed process (a power cut can lose the last
 * commits, never corrupt the file).
 */
export interface SqliteSettings {
  busyTimeoutMs: number
  synchronous: 'NORMAL'
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000

/** Reads SQLITE_BUSY_TIMEOUT_MS; anything but a positive whole number keeps the default. */
export function sqliteSettings(env: Record<string, string | undefined>): SqliteSettings {
  const value = Number(env.SQLITE_BUSY_TIMEOUT_MS)
  const busyTimeoutMs = Number.isInteger(value) && value > 0 ? value : DEFAULT_BUSY_TIMEOUT_MS
  return { busyTimeoutMs, synchronous: 'NORMAL' }
}

/**
 * What each new connection must run. journal_mode=WAL is not here: it is stored in the database
 * file, so it is set once and every later connection finds it.
 */
export function perConnectionPragmas(settings: SqliteSettings): string[] {
  return [
    `PRAGMA busy_timeout = ${settings.busyTimeoutMs}`,
    `PRAGMA synchronous = ${settings.synchronous}`,
  ]
}
