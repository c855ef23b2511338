import type { Payload } from 'payload'

import { decideDemoSeeding } from '../domain/config/demoSeeding'
import { offerInProcessDeliveryTier } from '../endpoints/inProcessDeliveryTier'
import { forgetStoredApiKeys } from '../lib/auth/forgetStoredApiKeys'
import { checkSignInSettings } from '../services/auth/signIn'
import { resumeStalledMediaJobs } from '../services/media/resumeStalledMediaJobs'
import { resumeStalledBuilds } from '../services/releases/resumeStalledBuilds'

/**
 * Start-up work of every studio process: settings, API keys stored before only their index was
 * kept, the demo seed, builds and media jobs a crash left behind, and (under `npm start`) the
 * delivery tier in front of Next.
 */
export async function onInit(payload: Payload): Promise<void> {
  checkSignInSettings(process.env)
  await forgetStoredApiKeys(payload)
  await seedDemoIfAsked(payload)
  await resumeStalledBuilds(payload)
  await resumeStalledMediaJobs(payload)
  offerInProcessDeliveryTier(payload)
}

/**
 * The demo content (seed/) is loaded only when this start seeds it, so a production server that
 * never seeds does not carry it: the bundler puts a dynamic import in a chunk of its own.
 */
export async function seedDemoIfAsked(payload: Payload): Promise<void> {
  const decision = decideDemoSeeding({
    nodeEnv: process.env.NODE_ENV,
    seedDemo: process.env.SEED_DEMO,
  })
  if (!decision.shouldSeed) {
    if (process.env.NODE_ENV !== 'test')
      payload.logger.info(`Demo seed skipped: ${decision.reason}`)
    return
  }
  const { seedDemoOnInit } = await import('../../seed/onInit')
  await seedDemoOnInit(payload, decision.reason)
}
