import { Worker } from 'node:worker_threads'

export interface LoadOptions {
  url: string
  headers: Record<string, string>
  /** Concurrent keep-alive connections, each a closed loop (next request after the response). */
  connections: number
  warmupMs: number
  durationMs: number
}

export interface LoadResult {
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Mean response body size. */
  bytesPerResponse: number
  /** Non-200 answers and failed requests; a benchmark with errors measures the wrong thing. */
  errors: number
  statuses: Record<string, number>
  lastError: string | null
}

interface WorkerReport {
  latencies: number[]
  bytes: number
  errors: number
  statuses: Record<string, number>
  lastError: string | null
  elapsedMs: number
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0

/**
 * Runs the closed-loop load generator in a worker thread, so the client has its own event loop
 * and the server (in this thread) is the only thing this thread does while it is measured.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./loadWorker.mjs', import.meta.url), {
      workerData: options,
    })
    worker.once('error', reject)
    worker.once('message', (report: WorkerReport) => {
      const sorted = [...report.latencies].sort((a, b) => a - b)
      resolve({
        requests: sorted.length,
        requestsPerSecond: sorted.length / (report.elapsedMs / 1000),
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        bytesPerResponse: sorted.length ? report.bytes / sorted.length : 0,
        errors: report.errors,
        statuses: report.statuses,
        lastError: report.lastError,
      })
      void worker.terminate()
    })
  })
}
