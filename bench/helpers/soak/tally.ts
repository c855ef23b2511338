// The soak's arithmetic, kept pure so it can be checked without a studio
// (test/unit/soakTally.test.ts).

/** What one route did during the run. */
export interface RouteTally {
  name: string
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Every answer by status code; failed requests under "connection error" or "timeout". */
  statuses: Record<string, number>
  /** Answers other than the route's expected status, and failed requests. */
  errors: number
}

/** The p-th percentile (nearest rank) of ascending `sorted`; 0 for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** Latencies and statuses of a route measured by the soak itself (not by autocannon). */
export function tallyRoute(input: {
  name: string
  latenciesMs: readonly number[]
  statuses: Record<string, number>
  expected: readonly number[]
  durationMs: number
}): RouteTally {
  const sorted = [...input.latenciesMs].sort((a, b) => a - b)
  const requests = Object.values(input.statuses).reduce((sum, n) => sum + n, 0)
  return {
    name: input.name,
    requests,
    requestsPerSecond: requests / (input.durationMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    statuses: input.statuses,
    errors: unexpected(input.statuses, input.expected),
  }
}

/** How many answers in `statuses` were not one of `expected`. */
export function unexpected(statuses: Record<string, number>, expected: readonly number[]): number {
  return Object.entries(statuses)
    .filter(([status]) => !expected.map(String).includes(status))
    .reduce((sum, [, n]) => sum + n, 0)
}

/** The unexpected answers of every route, summed by status code. */
export function errorsByStatus(
  routes: readonly { statuses: Record<string, number>; expected: readonly number[] }[],
): Record<string, number> {
  const errors: Record<string, number> = {}
  for (const route of routes)
    for (const [status, n] of Object.entries(route.statuses))
      if (!route.expected.map(String).includes(status)) errors[status] = (errors[status] ?? 0) + n
  return errors
}

/** One value a writer sent, in the order sent. */
export interface Write {
  /** The place written, e.g. "exercises:12 title" or "comments:40 body". */
  key: string
  value: string
  /** The studio answered 2xx (and echoed the value). */
  acknowledged: boolean
}

export interface LostWrites {
  /** Places with at least one acknowledged write, each checked against what was read back. */
  checked: number
  missing: string[]
  mismatched: { key: string; expected: string; found: string }[]
}

/**
 * Compares what was read back after the run with what the studio acknowledged. A place must
 * hold its last acknowledged value, or a value sent after it whose answer was an error (the
 * studio may have stored it before failing); anything else, or nothing, is a lost write.
 */
export function findLostWrites(
  writes: readonly Write[],
  readBack: ReadonlyMap<string, string>,
): LostWrites {
  const byKey = new Map<string, Write[]>()
  for (const write of writes) byKey.set(write.key, [...(byKey.get(write.key) ?? []), write])
  const result: LostWrites = { checked: 0, missing: [], mismatched: [] }
  for (const [key, sent] of byKey) {
    const last = sent.findLastIndex((w) => w.acknowledged)
    if (last === -1) continue
    result.checked += 1
    const found = readBack.get(key)
    if (found === undefined) {
      result.missing.push(key)
      continue
    }
    const acceptable = [sent[last].value, ...sent.slice(last + 1).map((w) => w.value)]
    if (!acceptable.includes(found))
      result.mismatched.push({ key, expected: sent[last].value, found })
  }
  return result
}

/** Lines of a log that report SQLite's busy error ("SQLITE_BUSY: database is locked"). */
export function countSqliteBusy(log: string): number {
  return log.split('\n').filter((line) => /SQLITE_BUSY|database is locked/.test(line)).length
}

/** Lines a Payload (pino) log writes at level ERROR or FATAL: pretty, coloured or JSON. */
export function countLoggedErrors(log: string): number {
  const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')
  const isError = /\b(ERROR|FATAL)\b|"level":(50|60)\b/
  return log.split('\n').filter((line) => isError.test(line.replace(ansiColour, ''))).length
}
