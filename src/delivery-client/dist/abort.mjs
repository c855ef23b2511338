// Generated from src/delivery-client/abort.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { DeliveryError } from './errors.mjs'
/** A failure after cancellation is reported as the cancellation, unless it says more. */
export function aborted(error) {
  if (error instanceof DeliveryError && error.code !== 'network') return error
  return new DeliveryError('aborted', 'The sync was cancelled.', { cause: error })
}
/**
 * `promise`, or a rejection as soon as `signal` aborts. Node 20's fetch can leave a body read
 * pending forever when the request is aborted after the whole body has arrived, which would
 * hang a cancelled sync.
 */
export function raceAbort(promise, signal) {
  if (!signal) return promise
  if (signal.aborted) {
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve(undefined)
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
/**
 * A controller of a task's own, fed by the caller's signal, so the task can also stop itself
 * (one failed download stops the others). `release` detaches it from the caller's signal.
 */
export function linkedAbort(signal) {
  const controller = new AbortController()
  const forwardAbort = () => controller.abort(signal?.reason)
  if (signal?.aborted) forwardAbort()
  else signal?.addEventListener('abort', forwardAbort, { once: true })
  return { controller, release: () => signal?.removeEventListener('abort', forwardAbort) }
}
