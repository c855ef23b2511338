/**
 * Registers the player's service worker and waits until it controls the page: clips play from
 * the files it serves, so nothing may play before it does.
 */
export async function serviceWorkerInControl(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false
  await navigator.serviceWorker.register('/player/sw.js', { scope: '/player' })
  await navigator.serviceWorker.ready
  if (navigator.serviceWorker.controller) return true
  await new Promise<void>((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  )
  return true
}
