import type { Payload } from 'payload'

import { seedDemoOnInit } from '../../seed/onInit'
import { resumeStalledMediaJobs } from '../lib/media/resumeStalledMediaJobs'
import { resumeStalledBuilds } from '../lib/releases/resumeStalledBuilds'

/** Start-up work of every studio process: the demo seed, and jobs a crash left behind. */
export async function onInit(payload: Payload): Promise<void> {
  await seedDemoOnInit(payload)
  await resumeStalledBuilds(payload)
  await resumeStalledMediaJobs(payload)
}
