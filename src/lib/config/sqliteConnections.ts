import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

type Client = SQLiteAdapter['client']

/**
 * Runs `pragmas` on every SQLite connection the adapter's libsql client opens, not only the
 * first. Payload applies its `busyTimeout` and `wal` options once, to the connection it opens
 * on connect; but libsql's `transaction()` hands that connection to the transaction and opens a
 * fresh one, with SQLite's defaults (busy_timeout 0, synchronous FULL), on the next statement.
 * From then on every write of the process could fail at once with SQLITE_BUSY. So the client is
 * wrapped the moment Payload assigns it (before migrations or the dev schema push use it), and
 * each connection libsql opens after a transaction is configured before anything can use it.
 */
export function applyPragmasToEveryConnection(adapter: SQLiteAdapter, pragmas: string[]): void {
  let client: Client | undefined = adapter.client
  Object.defineProperty(adapter, 'client', {
    configurable: true,
    enumerable: true,
    get: () => client,
    set: (value: Client | undefined) => {
      client = value ? configureConnections(value, pragmas) : value
    },
  })
}

function configureConnections(client: Client, pragmas: string[]): Client {
  const transaction = client.transaction.bind(client)
  // libsql's local client runs statements synchronously inside its async methods: the
  // transaction takes the open connection during this call, and the pragmas below open and
  // configure its successor in the same tick, so no other statement can slip in between.
  client.transaction = ((mode) => {
    const started = transaction(mode)
    const configured = Promise.all(pragmas.map((pragma) => client.execute(pragma)))
    return Promise.all([started, configured]).then(([tx]) => tx)
  }) as Client['transaction']
  return client
}
