import type { Payload } from 'payload'

import { seedDemoOnInit } from '../../seed/onInit'
import { resumeStalledBuilds } from '../lib/releases/resumeStalledBuilds'

/** Start-up work of every studio process: the demo seed, and builds a crash left behind. */
export async function onInit(payload: Payload): Promise<void> {
  await seedDemoOnInit(payload)
  await resumeStalledBuilds(payload)
}
