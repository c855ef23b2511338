/**
 * The wait before a worker's next try after `failures` failed batches in a row: doubling from
 * `baseMs`, at most `maxMs`, so a long outage costs a few log lines a minute, not a busy loop.
 */
export function retryDelayMs(
  failures: number,
  { baseMs = 500, maxMs = 30_000 }: { baseMs?: number; maxMs?: number } = {},
): number {
  if (failures <= 0) return 0
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30))
}
