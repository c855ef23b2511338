import type { Id } from '../../domain/refs'

interface RunningJob {
  id: Id
  /** Waiting at a step boundary because the process is stopping: safe to hand back. */
  parked: boolean
  /** Runs once the job is back in the queue, e.g. to show its clip as queued again. */
  onReturned?: () => Promise<void>
}

// What this process is running, so that it can stop without losing a job (see stopJobs.ts).
const running = new Map<string, RunningJob>()
const finished: Id[] = []
const FINISHED_KEPT = 1_000
const watchers = new Set<() => void>()
let stopping = false

const notify = () => watchers.forEach((wake) => wake())

/** True once the process has been asked to stop: it claims no more jobs. */
export const isStopping = (): boolean => stopping

export function beginStopping(): void {
  stopping = true
  notify()
}

/** Registers a job while its handler runs; `finish` when the handler has settled. */
export function trackRunningJob(id: Id, onReturned?: () => Promise<void>): { finish(): void } {
  running.set(String(id), { id, parked: false, onReturned })
  return {
    finish() {
      running.delete(String(id))
      finished.push(id)
      if (finished.length > FINISHED_KEPT) finished.shift()
      notify()
    },
  }
}

/**
 * A point between two steps of a job where it can be handed back without losing finished work
 * (each step's output is stored under its content key, so a rerun skips it). Resolves at once
 * while the process runs; once it is stopping, it parks the job for good: the process puts the
 * job back in the queue and exits.
 */
export function atStepBoundary(id: Id): Promise<void> {
  const job = running.get(String(id))
  if (!stopping || !job) return Promise.resolve()
  job.parked = true
  notify()
  return new Promise<never>(() => undefined)
}

export const runningJobs = (): readonly RunningJob[] => [...running.values()]

/** The jobs whose handlers finished since the last call (see the worker's batch recovery). */
export function takeFinishedJobIds(): Id[] {
  return finished.splice(0, finished.length)
}

/** Resolves true once every running job is parked or done, or false after `timeoutMs`. */
export function whenAllParked(timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (![...running.values()].every((job) => job.parked)) return
      done(true)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    const done = (result: boolean) => {
      clearTimeout(timer)
      watchers.delete(check)
      resolve(result)
    }
    watchers.add(check)
    check()
  })
}
