/**
 * The player's memory on the device, in IndexedDB: the connection and pinned keys, the releases
 * downloaded, and the participant's diary. None of it is ever sent to a server.
 */
const DB_NAME = 'cdm-player'
const STORES = ['device', 'releases', 'diary'] as const
export type StoreName = (typeof STORES)[number]

let opened: Promise<IDBDatabase> | null = null

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      for (const name of STORES)
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  return opened
}

async function run<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await database()
  return new Promise((resolve, reject) => {
    const request = act(db.transaction(store, mode).objectStore(store))
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

export const readItem = <T>(store: StoreName, key: string) =>
  run<T | undefined>(store, 'readonly', (s) => s.get(key))

export const writeItem = (store: StoreName, key: string, value: unknown) =>
  run(store, 'readwrite', (s) => s.put(value, key)).then(() => undefined)

export const deleteItem = (store: StoreName, key: string) =>
  run(store, 'readwrite', (s) => s.delete(key)).then(() => undefined)

export const readAll = <T>(store: StoreName) => run<T[]>(store, 'readonly', (s) => s.getAll())
