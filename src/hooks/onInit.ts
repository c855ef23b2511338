import type { Payload } from 'payload'

import { seedDemoOnInit } from '../../seed/onInit'
import { forgetStoredApiKeys } from '../lib/auth/forgetStoredApiKeys'
import { resumeStalledBuilds } from '../lib/releases/resumeStalledBuilds'

/**
 * Start-up work of every studio process: API keys stored before only their index was kept,
 * the demo seed, and builds a crash left behind.
 */
export async function onInit(payload: Payload): Promise<void> {
  await forgetStoredApiKeys(payload)
  await seedDemoOnInit(payload)
  await resumeStalledBuilds(payload)
}
