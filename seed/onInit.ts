import type { Payload } from 'payload'

import { formatSeedSummary, seed } from './index'

/**
 * Seeds the demo on an empty database; the start-up hook (src/hooks/onInit.ts) calls it only
 * when the environment asks for the demo (see decideDemoSeeding), saying why in `reason`.
 */
export async function seedDemoOnInit(payload: Payload, reason: string): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  payload.logger.info(`Seeding the demo (${reason})…`)
  const summary = await seed({ payload })
  payload.logger.info(formatSeedSummary(summary))
}
