import type { TaskConfig } from 'payload'

import { supervisedTask } from '../../lib/jobs/supervisedTask'
import { releaseBuildKey } from '../queues'
import { buildRelease } from './handler'

/**
 * Builds and publishes one release: manifests per audience × locale, signatures, assets. Its
 * heartbeat is on the release (see resumeStalledBuilds); a stopping worker waits for the build
 * or hands it back (stopJobs).
 */
export const BuildReleaseTask: TaskConfig<'buildRelease'> = {
  slug: 'buildRelease',
  label: 'Build release',
  inputSchema: [{ name: 'releaseId', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'text', required: true }],
  retries: { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  concurrency: { key: ({ input }) => releaseBuildKey(input.releaseId), exclusive: true },
  handler: supervisedTask(buildRelease, {}),
}
