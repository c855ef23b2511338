import type { Payload } from 'payload'

import { decideDemoSeeding } from '../src/domain/config/demoSeeding'
import { formatSeedSummary, seed } from './index'

/** Seeds the demo on an empty database when the environment allows it (see decideDemoSeeding). */
export async function seedDemoOnInit(payload: Payload): Promise<void> {
  const decision = decideDemoSeeding({
    nodeEnv: process.env.NODE_ENV,
    seedDemo: process.env.SEED_DEMO,
  })
  if (!decision.shouldSeed) {
    if (process.env.NODE_ENV !== 'test')
      payload.logger.info(`Demo seed skipped: ${decision.reason}`)
    return
  }
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  payload.logger.info(`Seeding the demo (${decision.reason})…`)
  const summary = await seed({ payload })
  payload.logger.info(formatSeedSummary(summary))
}
