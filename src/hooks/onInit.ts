import type { Payload } from 'payload'

import { seedDemoOnInit } from '../../seed/onInit'
import { resumeStalledBuilds } from '../lib/releases/resumeStalledBuilds'
import { checkSignInSettings } from '../services/auth/signIn'

/** Start-up work of every studio process: settings, the demo seed, builds a crash left behind. */
export async function onInit(payload: Payload): Promise<void> {
  checkSignInSettings(process.env)
  await seedDemoOnInit(payload)
  await resumeStalledBuilds(payload)
}
