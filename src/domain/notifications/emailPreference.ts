import type { EmailPreference } from '../vocabulary'

/** A digest collects what happened for a day after its first item, then goes out. */
export const DIGEST_INTERVAL_MS = 24 * 60 * 60 * 1000

/** How a notice for someone with this preference is sent: at once, in their digest, or not. */
export function deliveryModeFor(preference: EmailPreference | null | undefined) {
  if (preference === 'none') return null
  return preference === 'digest' ? ('digest' as const) : ('immediate' as const)
}

/** When a notice may go out: at once, or one digest interval after it happened. */
export function dueAtFor(mode: 'immediate' | 'digest', now: Date): string {
  return new Date(now.getTime() + (mode === 'digest' ? DIGEST_INTERVAL_MS : 0)).toISOString()
}
