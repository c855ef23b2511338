import type { Payload } from 'payload'

import { seedDemoOnInit } from '../../seed/onInit'
import { forgetStoredApiKeys } from '../lib/auth/forgetStoredApiKeys'
import { resumeStalledMediaJobs } from '../services/media/resumeStalledMediaJobs'
import { resumeStalledBuilds } from '../services/releases/resumeStalledBuilds'
import { checkSignInSettings } from '../services/auth/signIn'

/**
 * Start-up work of every studio process: settings, API keys stored before only their index was
 * kept, the demo seed, and builds and media jobs a crash left behind.
 */
export async function onInit(payload: Payload): Promise<void> {
  checkSignInSettings(process.env)
  await forgetStoredApiKeys(payload)
  await seedDemoOnInit(payload)
  await resumeStalledBuilds(payload)
  await resumeStalledMediaJobs(payload)
}
