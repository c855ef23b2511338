// Generated from src/delivery-client/abort.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { DeliveryError } from './errors.mjs'
/** A failure after cancellation is reported as the cancellation, unless it says more. */
export declare function aborted(error: unknown): DeliveryError
/**
 * `promise`, or a rejection as soon as `signal` aborts. Node 20's fetch can leave a body read
 * pending forever when the request is aborted after the whole body has arrived, which would
 * hang a cancelled sync.
 */
export declare function raceAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T>
/** Waits `ms`, or less when `signal` aborts. */
export declare function sleep(ms: number, signal: AbortSignal): Promise<void>
/**
 * A controller of a task's own, fed by the caller's signal, so the task can also stop itself
 * (one failed download stops the others). `release` detaches it from the caller's signal.
 */
export declare function linkedAbort(signal: AbortSignal | undefined): {
  controller: AbortController
  release: () => void
}
