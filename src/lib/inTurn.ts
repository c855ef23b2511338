const TURNS = Symbol.for('cdm-studio.inTurn')

/**
 * Runs `work` after every earlier call with the same key has settled, in this process. The
 * queue sits on `globalThis`, because Next bundles server code more than once in one process
 * and the copies must share it. Other processes are not held back: callers that can run in
 * several say how they cope.
 */
export function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const turns = ((globalThis as Record<symbol, Map<string, Promise<unknown>> | undefined>)[
    TURNS
  ] ??= new Map())
  const run = (turns.get(key) ?? Promise.resolve()).then(work)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  turns.set(key, settled)
  // The last in line removes the key, so the map does not grow with every key ever used.
  void settled.then(() => {
    if (turns.get(key) === settled) turns.delete(key)
  })
  return run
}
