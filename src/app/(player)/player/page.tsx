import { connection } from 'next/server'

import { PlayerApp } from '../../../player/components/PlayerApp'

/**
 * Rendered per request, so Next puts the nonce of this response's Content Security Policy
 * (src/proxy.ts) on its scripts; the page itself is the same for everyone.
 */
export default async function PlayerPage() {
  await connection()
  return <PlayerApp />
}
