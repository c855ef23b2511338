// The seed run by `npm run seed` (scripts/seed.mjs starts it with `payload run`).
import { getPayload } from 'payload'

import { formatSeedSummary, seed, SEED_FINISHED } from './index'
import config from '@payload-config'

const payload = await getPayload({ config })
const summary = await seed({ payload })
console.log(formatSeedSummary(summary))
console.log(SEED_FINISHED)
process.exit(0)
